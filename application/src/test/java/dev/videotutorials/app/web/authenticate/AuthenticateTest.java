package dev.videotutorials.app.web.authenticate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.app.testing.TestSystem;
import dev.videotutorials.app.testing.WebClient;
import dev.videotutorials.app.web.common.Passwords;
import dev.videotutorials.messagestore.Message;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticateTest {

  /** Made by Node's bcrypt 6 (the original system's library) for "password0". */
  private static final String NODE_BCRYPT_HASH = "$2b$10$wMdBhlRFhLzZBRt9qd5b6ujfpk8AgzzljFhBGEKBbF9jaTjl1H4WS";

  private static TestSystem system;

  private String userId;
  private String email;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @BeforeEach
  void registeredUser() {
    system.viewSql("DELETE FROM login_failures");
    userId = UUID.randomUUID().toString();
    email = "user-" + userId.substring(0, 8) + "@example.com";
    system.viewSql("INSERT INTO user_credentials (id, email, password_hash) VALUES (?, ?, ?)",
        userId, email, NODE_BCRYPT_HASH);
  }

  @Test
  void theFormHasEmailAndPasswordAndNoError() {
    WebClient.Response form = system.newClient().get("/auth/log-in");

    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body())
        .contains("<h1 class=\"mb-4\">Log in</h1>")
        .contains("id=\"log-in-form\"")
        .contains("id=\"log-in-button\">Log in!</button>")
        .doesNotContain("id=\"log-in-error\"");
  }

  @Test
  void aHashMadeByTheOriginalSystemVerifiesAndLogsIn() {
    WebClient client = system.newClient();
    client.get("/auth/log-in");
    String anonymousSession = client.sessionId();

    WebClient.Response response = logIn(client, email, "password0");

    assertThat(response.status()).isEqualTo(303);
    assertThat(response.location()).isEqualTo("/");
    assertThat(client.sessionId()).isNotNull().isNotEqualTo(anonymousSession);
    assertThat(response.sessionCookie()).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
    String home = client.get("/").body();
    assertThat(home).contains("id=\"nav-log-out\">Log out</button>").doesNotContain("id=\"nav-log-in\"");

    List<Message> events = system.store().readStream("authentication-" + userId);
    assertThat(events).hasSize(1);
    assertThat(events.get(0).type()).isEqualTo("UserLoggedIn");
    assertThat(events.get(0).data().toJson()).isEqualTo("{\"userId\":\"" + userId + "\"}");
    assertThat(events.get(0).metadata().userId()).isEqualTo(userId);
    assertThat(events.get(0).metadata().traceId()).isNotBlank();
  }

  @Test
  void theEmailMatchesInAnyCase() {
    assertThat(logIn(system.newClient(), email.toUpperCase(java.util.Locale.ROOT), "password0").status()).isEqualTo(303);
  }

  @Test
  void theSessionIdKnownBeforeTheLogInIsWorthlessAfterIt() {
    WebClient victim = system.newClient();
    victim.get("/auth/log-in");
    String fixedSessionId = victim.sessionId();
    logIn(victim, email, "password0");

    WebClient attacker = system.newClient();
    attacker.useSessionId(fixedSessionId);

    assertThat(attacker.get("/").body()).doesNotContain("nav-log-out").contains("nav-log-in");
  }

  @Test
  void aWrongPasswordIs401WithANonRevealingMessageAndWritesUserLoginFailed() {
    WebClient client = system.newClient();
    WebClient.Response response = logIn(client, email, "wrong password");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body()).contains("id=\"log-in-error\">Incorrect email or password</div>")
        .contains("value=\"" + email + "\"")
        .doesNotContain("wrong password");
    assertThat(client.get("/").body()).doesNotContain("nav-log-out");

    List<Message> events = system.store().readStream("authentication-" + userId);
    assertThat(events).hasSize(1);
    Message failed = events.get(0);
    assertThat(failed.type()).isEqualTo("UserLoginFailed");
    assertThat(failed.data().string("userId")).isEqualTo(userId);
    assertThat(failed.data().string("reason")).isEqualTo("Incorrect password");
    assertThat(failed.metadata().fields().toJson()).contains("\"userId\":null");
    assertThat(failed.metadata().traceId()).isNotBlank();
  }

  @Test
  void anUnknownEmailLooksTheSameAndWritesNothing() {
    long before = system.store().readAll(0, 100_000).size();

    WebClient.Response response = logIn(system.newClient(), "nobody-" + UUID.randomUUID() + "@example.com", "password0");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body()).contains("id=\"log-in-error\">Incorrect email or password</div>");
    assertThat(system.store().readAll(0, 100_000)).hasSize((int) before);
  }

  @Test
  void missingOrEmptyFieldsAreA400WithAMessage() {
    WebClient client = system.newClient();
    client.get("/auth/log-in");
    WebClient.Response missing = client.post("/auth/log-in", Map.of());
    WebClient.Response empty = logIn(system.newClient(), email, "");

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("Enter your email and your password.");
    assertThat(empty.status()).isEqualTo(400);
  }

  @Test
  void hostileEmailsAreJustWrongCredentials() {
    assertThat(logIn(system.newClient(), "' OR '1'='1", "' OR '1'='1").status()).isEqualTo(401);
    assertThat(logIn(system.newClient(), "nul\u0000byte@example.com", "password0").status()).isEqualTo(401);
    WebClient.Response script = logIn(system.newClient(), "<script>alert(1)</script>", "x");
    assertThat(script.status()).isEqualTo(401);
    assertThat(script.body()).doesNotContain("<script>alert(1)");
    assertThat(logIn(system.newClient(), "a".repeat(300), "x").status()).isEqualTo(400);
  }

  @Test
  void logOutDropsTheSessionAndGivesAFreshOne() {
    WebClient client = system.newClient();
    logIn(client, email, "password0");
    client.get("/");
    String loggedInSession = client.sessionId();

    WebClient.Response response = client.post("/auth/log-out");

    assertThat(response.status()).isEqualTo(303);
    assertThat(response.location()).isEqualTo("/");
    assertThat(client.sessionId()).isNotEqualTo(loggedInSession);
    assertThat(client.get("/").body()).contains("nav-log-in").doesNotContain("nav-log-out");
    WebClient thief = system.newClient();
    thief.useSessionId(loggedInSession);
    assertThat(thief.get("/").body()).doesNotContain("nav-log-out");
  }

  @Test
  void logOutByGetIsNotAllowedAndLogOutWithoutTokenIsForbidden() {
    WebClient client = system.newClient();
    logIn(client, email, "password0");

    assertThat(client.get("/auth/log-out").status()).isEqualTo(405);
    assertThat(client.postRaw("/auth/log-out", "").status()).isEqualTo(403);
    assertThat(client.get("/").body()).contains("nav-log-out");
  }

  @Test
  void passwordsHashedHereVerifyToo() {
    String hash = Passwords.hash("another password");
    assertThat(hash).startsWith("$2b$10$");
    assertThat(Passwords.matches("another password", hash)).isTrue();
    assertThat(Passwords.matches("another passwort", hash)).isFalse();
    assertThat(Passwords.matches("password0", "not a hash")).isFalse();
  }

  private static WebClient.Response logIn(WebClient client, String email, String password) {
    client.get("/auth/log-in");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("email", email);
    fields.put("password", password);
    return client.post("/auth/log-in", fields);
  }
}
