package dev.videotutorials.app.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.app.testing.TestSystem;
import dev.videotutorials.app.testing.WebClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SecurityTest {

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
  void aNewVisitorGetsAnHttpOnlySameSiteLaxSessionCookieWithoutSecureOverPlainHttp() {
    WebClient.Response home = system.newClient().get("/");

    assertThat(home.sessionCookie())
        .matches("vt_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax");
  }

  @Test
  void theCookieIsSecureWhenAProxySaysTheVisitorUsesHttps() {
    WebClient.Response home = system.newClient().get("/", "X-Forwarded-Proto", "https");

    assertThat(home.sessionCookie()).endsWith("; Secure").contains("HttpOnly").contains("SameSite=Lax");
  }

  @Test
  void aKnownSessionKeepsItsCookieAndAMalformedOneIsReplaced() {
    WebClient client = system.newClient();
    client.get("/");
    String id = client.sessionId();

    assertThat(client.get("/").sessionCookie()).isNull();
    assertThat(client.sessionId()).isEqualTo(id);

    client.useSessionId("not-a-session-id");
    assertThat(client.get("/").sessionCookie()).isNotNull();
    assertThat(client.sessionId()).isNotEqualTo("not-a-session-id");
  }

  @Test
  void pagesSendSecurityHeaders() {
    WebClient.Response home = system.newClient().get("/");

    assertThat(home.header("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
    assertThat(home.header("X-Content-Type-Options")).contains("nosniff");
    assertThat(home.header("X-Frame-Options")).contains("DENY");
    assertThat(home.header("Cache-Control")).contains("no-store");
  }

  @Test
  void aFormWithoutTheCsrfTokenIsForbiddenWithAMessage() {
    WebClient client = system.newClient();
    client.get("/");

    WebClient.Response response = client.postRaw("/record-viewing/12345", "");

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body()).contains("The form was sent without its security token.");
    assertThat(system.store().readStream("viewing-12345")).isEmpty();
  }

  @Test
  void aWrongCsrfTokenIsForbidden() {
    WebClient client = system.newClient();
    client.get("/register");

    WebClient.Response response = client.post("/register",
        Map.of("_csrf", "A".repeat(43), "email", "mallory@example.com", "password", "long enough"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body()).contains("does not match your session");
  }

  @Test
  void anotherSessionsTokenIsForbidden() {
    WebClient attacker = system.newClient();
    attacker.get("/");
    String attackersToken = attacker.csrfToken();
    WebClient victim = system.newClient();
    victim.get("/");

    WebClient.Response response = victim.post("/auth/log-in",
        Map.of("_csrf", attackersToken, "email", "x@example.com", "password", "whatever1"));

    assertThat(response.status()).isEqualTo(403);
  }

  @Test
  void aPostWithoutAnySessionIsForbidden() {
    WebClient.Response response = system.newClient().postRaw("/register", "email=a%40example.com&password=long+enough&_csrf=x");

    assertThat(response.status()).isEqualTo(403);
  }
}
