package dev.videotutorials.app.web.authenticate;

import dev.videotutorials.app.web.common.Page;

/** The log-in form: the email typed so far (never the password) and an error, or null. */
public record LogInView(Page page, String email, String error) {

  public String emailValue() {
    return email == null ? "" : email;
  }
}
