package dev.videotutorials.app.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A visitor: an HTTP client that keeps cookies like a browser, never follows redirects, and
 * remembers the CSRF token of the last page it saw.
 */
public final class WebClient {

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

  private final URI base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;
  private String csrfToken;

  public WebClient(URI base) {
    this.base = base;
    this.http = HttpClient.newBuilder()
        .cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  public Response get(String path) {
    return send(request(path).GET().build());
  }

  public Response get(String path, String header, String value) {
    return send(request(path).header(header, value).GET().build());
  }

  /** Posts the fields as a form, adding the CSRF token of the last page seen (fetching / first if none). */
  public Response post(String path, Map<String, String> fields) {
    if (csrfToken == null) {
      get("/");
    }
    Map<String, String> withToken = new LinkedHashMap<>(fields);
    withToken.putIfAbsent("_csrf", csrfToken);
    return postRaw(path, formEncode(withToken));
  }

  public Response post(String path) {
    return post(path, Map.of());
  }

  /** Posts a body exactly as given, as a form. */
  public Response postRaw(String path, String body) {
    return send(request(path)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build());
  }

  public Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      Response result = new Response(response);
      Matcher matcher = CSRF_FIELD.matcher(result.body());
      if (matcher.find()) {
        csrfToken = matcher.group(1);
      }
      return result;
    } catch (IOException e) {
      throw new IllegalStateException("Request failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
  }

  public String csrfToken() {
    return csrfToken;
  }

  /** The session cookie's value, or null. */
  public String sessionId() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("vt_session"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  /** Replaces the session cookie, as an attacker who knows an id would. */
  public void useSessionId(String id) {
    cookies.getCookieStore().removeAll();
    HttpCookie cookie = new HttpCookie("vt_session", id);
    cookie.setPath("/");
    cookie.setDomain(base.getHost()); // as CookieManager records the server's cookies, so they replace this one
    cookie.setVersion(0);
    cookies.getCookieStore().add(base, cookie);
  }

  public static String formEncode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** A response with the body read as text. */
  public record Response(HttpResponse<String> raw) {

    public int status() {
      return raw.statusCode();
    }

    public String body() {
      return raw.body();
    }

    public Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    public List<String> headers(String name) {
      return raw.headers().allValues(name);
    }

    public String location() {
      return header("Location").orElse(null);
    }

    /** The session cookie this response sets, with its attributes, or null. */
    public String sessionCookie() {
      return headers("Set-Cookie").stream().filter(value -> value.startsWith("vt_session=")).findFirst().orElse(null);
    }

    @Override
    public String toString() {
      return status() + " " + body();
    }
  }
}
