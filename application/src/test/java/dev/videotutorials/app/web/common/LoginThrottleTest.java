package dev.videotutorials.app.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.app.testing.TestSystem;
import dev.videotutorials.app.testing.WebClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static TestSystem system;

  @BeforeAll
  static void start() {
    system = TestSystem.start(Map.of(), TestSystem.NO_CONSUMERS, new LoginThrottle.Limits(3, 5, Duration.ofMinutes(15)));
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @BeforeEach
  void forgetFailures() {
    system.viewSql("DELETE FROM login_failures");
  }

  @Test
  void afterTheFailuresPerEmailEvenTheRightPasswordIsRefusedWith429() {
    String email = user("right password");
    for (int i = 0; i < 3; i++) {
      assertThat(logIn(email, "wrong password").status()).isEqualTo(401);
    }

    WebClient.Response response = logIn(email, "right password");

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.body()).contains("Too many failed log-in attempts. Wait 15 minutes, then try again.");
  }

  @Test
  void otherEmailsAreNotAffectedUntilTheAddressLimit() {
    String throttled = user("password one");
    for (int i = 0; i < 3; i++) {
      logIn(throttled, "wrong");
    }
    String other = user("password two");

    assertThat(logIn(other, "password two").status()).isEqualTo(303);
    assertThat(logIn(other, "wrong").status()).isEqualTo(401);
    assertThat(logIn("unknown-" + UUID.randomUUID() + "@example.com", "x").status()).isEqualTo(401);
    assertThat(logIn(other, "password two").status()).isEqualTo(429);
  }

  @Test
  void aSuccessfulLogInClearsTheEmailsFailures() {
    String email = user("good password");
    logIn(email, "wrong");
    logIn(email, "wrong");
    assertThat(logIn(email, "good password").status()).isEqualTo(303);
    logIn(email, "wrong");
    logIn(email, "wrong");

    assertThat(logIn(email, "good password").status()).isEqualTo(303);
  }

  private static String user(String password) {
    String email = "throttled-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    system.viewSql("INSERT INTO user_credentials (id, email, password_hash) VALUES (?, ?, ?)",
        UUID.randomUUID().toString(), email, Passwords.hash(password));
    return email;
  }

  private static WebClient.Response logIn(String email, String password) {
    WebClient client = system.newClient();
    client.get("/auth/log-in");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("email", email);
    fields.put("password", password);
    return client.post("/auth/log-in", fields);
  }
}
