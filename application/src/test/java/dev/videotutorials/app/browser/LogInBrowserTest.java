package dev.videotutorials.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A failed log-in tells the visitor nothing about which part was wrong. */
class LogInBrowserTest extends BrowserTest {

  private static final String EMAIL = "margaret@example.com";
  private static final String PASSWORD = "apollo guidance";

  private String userId;

  @BeforeAll
  void aRegisteredUser() {
    visitor.open("/register");
    visitor.type("email", EMAIL);
    visitor.type("password", PASSWORD);
    visitor.clickAndLoad("register-button");
    visitor.waitUntil("the registration to succeed", () -> visitor.present("registration-success"));
    visitor.waitUntil("the user-credentials aggregator to record the user", () -> site.userIdOf(EMAIL) != null);
    userId = site.userIdOf(EMAIL);
  }

  @Test
  void aWrongPasswordAndAnUnknownEmailLookTheSame() {
    List<String> recordedBefore = site.messageTypes("authentication", userId);

    logIn(EMAIL, "not the password");
    String wrongPassword = visitor.text("log-in-error");
    assertThat(visitor.path()).isEqualTo("/auth/log-in");
    assertThat(visitor.fieldValue("email")).isEqualTo(EMAIL);
    assertThat(visitor.fieldValue("password")).isEmpty();
    assertThat(visitor.present("nav-log-out")).isFalse();
    visitor.screenshot("wrong-password");
    List<String> recordedAfterWrongPassword = site.messageTypes("authentication", userId);

    logIn("nobody@example.com", "not the password");
    String unknownEmail = visitor.text("log-in-error");
    assertThat(visitor.fieldValue("email")).isEqualTo("nobody@example.com");
    assertThat(visitor.present("nav-log-out")).isFalse();
    visitor.screenshot("unknown-email");

    assertThat(wrongPassword).isEqualTo("Incorrect email or password").isEqualTo(unknownEmail);
    // The site knows which it was: only the wrong password of a real user is recorded.
    assertThat(recordedAfterWrongPassword).hasSize(recordedBefore.size() + 1).endsWith("UserLoginFailed");
    assertThat(site.messageTypes("authentication", userId)).isEqualTo(recordedAfterWrongPassword);
  }

  @Test
  void theRightPasswordLogsIn() {
    logIn(EMAIL, PASSWORD);

    assertThat(visitor.path()).isEqualTo("/");
    assertThat(visitor.text("nav-log-out")).isEqualTo("Log out");
    assertThat(site.messageTypes("authentication", userId)).contains("UserLoggedIn");
  }

  private void logIn(String email, String password) {
    visitor.open("/auth/log-in");
    visitor.type("email", email);
    visitor.type("password", password);
    visitor.clickAndLoad("log-in-button");
  }
}
