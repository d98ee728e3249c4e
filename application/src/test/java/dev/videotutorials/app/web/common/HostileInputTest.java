package dev.videotutorials.app.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.app.testing.TestSystem;
import dev.videotutorials.app.testing.WebClient;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HostileInputTest {

  private static TestSystem system;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void aBodyDeclaredLargerThan16KiBIs413WithAMessage() {
    WebClient client = system.newClient();
    client.get("/register");

    WebClient.Response response = client.post("/register", Map.of("email", "a@example.com", "password", "x".repeat(20_000)));

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.body()).contains("The request is larger than 16 KiB");
  }

  @Test
  void aStreamedBodyWithoutDeclaredLengthIsCutOffAt16KiB() {
    WebClient client = system.newClient();
    client.get("/register");
    byte[] body = ("_csrf=" + client.csrfToken() + "&email=a%40example.com&password=" + "x".repeat(40_000))
        .getBytes(StandardCharsets.US_ASCII);

    WebClient.Response response = client.send(client.request("/register")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
        .build());

    assertThat(response.status()).isEqualTo(413);
  }

  @Test
  void aJsonBodyIs415WithAMessage() {
    WebClient client = system.newClient();
    client.get("/");

    WebClient.Response response = client.send(client.request("/auth/log-in")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"a@example.com\"}"))
        .build());

    assertThat(response.status()).isEqualTo(415);
    assertThat(response.body()).contains("application/x-www-form-urlencoded");
  }

  @Test
  void aMalformedUrlEncodingIs400WithAMessage() {
    WebClient client = system.newClient();
    client.get("/");

    WebClient.Response response = client.postRaw("/auth/log-in", "_csrf=" + client.csrfToken() + "&email=%zz&password=%");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("not properly URL-encoded");
  }

  @Test
  void invalidUtf8IsReplacedNotFatal() {
    WebClient client = system.newClient();
    client.get("/register");

    WebClient.Response response = client.postRaw("/register", "_csrf=" + client.csrfToken() + "&email=%FF%FE&password=%C3");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("Email is not a valid email");
  }

  @Test
  void wrongMethodsAre405() {
    WebClient client = system.newClient();
    WebClient.Response put = client.send(client.request("/register").PUT(HttpRequest.BodyPublishers.ofString("x")).build());
    WebClient.Response delete = client.send(client.request("/").DELETE().build());

    assertThat(put.status()).isEqualTo(405);
    assertThat(put.body()).contains("This address does not accept PUT requests.");
    assertThat(delete.status()).isEqualTo(405);
  }

  @Test
  void unknownAddressesGetTheSites404Page() {
    WebClient.Response response = system.newClient().get("/no/such/page?x=%3Cscript%3E");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body())
        .contains("id=\"nav-brand\">Video Tutorials</a>")
        .contains("There is no page at this address.")
        .doesNotContain("<script>");
  }

  @Test
  void hugeHeadersAreRefusedByTheServer() {
    WebClient client = system.newClient();

    WebClient.Response response = client.send(client.request("/").header("X-Huge", "x".repeat(64 * 1024)).GET().build());

    assertThat(response.status()).isEqualTo(431);
    assertThat(response.body()).doesNotContain("Exception");
  }
}
