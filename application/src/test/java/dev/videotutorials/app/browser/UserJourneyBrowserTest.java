package dev.videotutorials.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The main flow as a person goes through it: register, get the email, log in, watch, log out. */
class UserJourneyBrowserTest extends BrowserTest {

  private static final Pattern COUNT = Pattern.compile("Viewers have watched (\\d+) video\\(s\\)\\.");

  @Test
  void registerReceiveTheEmailLogInRecordAViewingAndLogOut() {
    String email = "grace@example.com";
    String password = "cobol compiler";

    visitor.open("/");
    visitor.screenshot("home");
    long countBefore = videosWatched();
    assertThat(visitor.title()).isEqualTo("Home · Video Tutorials");
    assertThat(visitor.present("nav-register")).isTrue();
    assertThat(visitor.present("nav-log-out")).isFalse();

    visitor.clickAndLoad("nav-register");
    assertThat(visitor.path()).isEqualTo("/register");
    visitor.type("email", email);
    visitor.type("password", password);
    visitor.screenshot("register-filled-in");
    visitor.clickAndLoad("register-button");

    assertThat(visitor.path()).startsWith("/register/");
    visitor.waitUntil("the registration to succeed (the pending page reloads itself)",
        () -> visitor.present("registration-success"));
    assertThat(visitor.text("registration-success")).isEqualTo("You have successfully registered!");
    visitor.screenshot("registration-success");

    visitor.waitUntil("the welcome email to " + email, () -> site.emails().stream().anyMatch(m -> isWelcomeTo(m, email)));

    visitor.clickAndLoad("log-in-link");
    assertThat(visitor.path()).isEqualTo("/auth/log-in");
    logInAs(email, password);
    assertThat(visitor.path()).isEqualTo("/");
    assertThat(visitor.text("nav-log-out")).isEqualTo("Log out");
    assertThat(visitor.present("nav-register")).isFalse();
    assertThat(visitor.present("nav-log-in")).isFalse();
    visitor.screenshot("home-logged-in");

    visitor.clickAndLoad("record-viewing-button");
    assertThat(visitor.path()).isEqualTo("/");
    visitor.reloadUntil("the home page to count the viewing", () -> videosWatched() == countBefore + 1);
    visitor.screenshot("home-after-viewing");

    visitor.clickAndLoad("nav-log-out");
    assertThat(visitor.path()).isEqualTo("/");
    assertThat(visitor.present("nav-log-out")).isFalse();
    assertThat(visitor.text("nav-register")).isEqualTo("Register");
    assertThat(visitor.text("nav-log-in")).isEqualTo("Log In");
    assertThat(videosWatched()).isEqualTo(countBefore + 1);
    visitor.screenshot("home-logged-out");

    String userId = site.userIdOf(email);
    assertThat(site.messageTypes("authentication", userId)).containsExactly("UserLoggedIn");
  }

  /**
   * The user-credentials aggregator may not have recorded a registration the instant the success
   * page shows, so, as a person would, try again while the site says the log-in is incorrect.
   */
  private void logInAs(String email, String password) {
    visitor.waitUntil("a successful log-in", () -> {
      visitor.type("email", email);
      visitor.type("password", password);
      visitor.clickAndLoad("log-in-button");
      return visitor.present("nav-log-out");
    });
  }

  private long videosWatched() {
    String text = visitor.text("videos-watched");
    Matcher matcher = COUNT.matcher(text == null ? "" : text);
    assertThat(matcher.matches()).as("home page text: %s", text).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  private static boolean isWelcomeTo(MimeMessage message, String email) {
    try {
      return "Welcome to the site!".equals(message.getSubject())
          && Arrays.stream(message.getRecipients(RecipientType.TO)).anyMatch(to -> to.toString().equals(email));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
