package dev.videotutorials.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The register form's errors as a person sees them: next to the field, the typed email kept. */
class RegisterFormBrowserTest extends BrowserTest {

  @Test
  void anInvalidEmailIsShownNextToTheEmailFieldAndKept() {
    submit("not-an-email", "long enough password");

    assertThat(visitor.text("email-error")).isEqualTo("Email is not a valid email");
    assertThat(visitor.element("email").getDomAttribute("class")).contains("is-invalid");
    assertThat(visitor.element("email").getDomAttribute("aria-describedby")).isEqualTo("email-error");
    assertThat(visitor.fieldValue("email")).isEqualTo("not-an-email");
    assertThat(visitor.present("password-error")).isFalse();
    assertThat(visitor.fieldValue("password")).isEmpty();
    visitor.screenshot("invalid-email");
  }

  @Test
  void aShortPasswordIsShownNextToThePasswordField() {
    submit("short@example.com", "seven77");

    assertThat(visitor.text("password-error")).isEqualTo("Password is too short (minimum is 8 characters)");
    assertThat(visitor.element("password").getDomAttribute("class")).contains("is-invalid");
    assertThat(visitor.present("email-error")).isFalse();
    assertThat(visitor.fieldValue("email")).isEqualTo("short@example.com");
    assertThat(visitor.fieldValue("password")).isEmpty();
    visitor.screenshot("short-password");
  }

  @Test
  void blankFieldsAreBothShown() {
    submit("", "");

    assertThat(visitor.text("email-error")).isEqualTo("Email can't be blank");
    assertThat(visitor.text("password-error")).isEqualTo("Password can't be blank");
    assertThat(visitor.fieldValue("email")).isEmpty();
    visitor.screenshot("blank-fields");
  }

  @Test
  void hostileInputIsShownAsTextNotRun() {
    String hostile = "<img src=x onerror=\"document.title='owned'\">";
    submit(hostile, "long enough password");

    assertThat(visitor.text("email-error")).as(visitor.describe()).isEqualTo("Email is not a valid email");
    assertThat(visitor.fieldValue("email")).isEqualTo(hostile);
    assertThat(visitor.title()).isEqualTo("Register · Video Tutorials");
    assertThat(visitor.script("return document.querySelectorAll('img').length")).isEqualTo(0L);
  }

  @Test
  void registeringATakenEmailIsRejected() {
    submit("ada@example.com", "analytical engine");
    visitor.waitUntil("the first registration to succeed", () -> visitor.present("registration-success"));

    visitor.forgetSession();
    submit("ADA@example.com", "another engine");

    // Either the form already knows the email (the user-credentials aggregator has caught up), or
    // the identity component rejects the registration and the outcome page says so.
    visitor.waitUntil("the registration to be turned down",
        () -> visitor.present("email-error") || visitor.present("registration-rejected"));
    if (visitor.present("email-error")) {
      assertThat(visitor.path()).isEqualTo("/register");
      assertThat(visitor.text("email-error")).isEqualTo("already taken");
      assertThat(visitor.fieldValue("email")).isEqualTo("ADA@example.com");
      visitor.screenshot("email-already-taken");
    } else {
      assertThat(visitor.text("registration-rejected")).isEqualTo("Your registration was rejected: Email already taken");
      visitor.screenshot("registration-rejected");
    }
  }

  private void submit(String email, String password) {
    visitor.open("/register");
    visitor.type("email", email);
    visitor.type("password", password);
    visitor.clickAndLoad("register-button");
  }
}
