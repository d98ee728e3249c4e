package dev.videotutorials.app.web.registerusers;

import dev.videotutorials.app.web.common.Page;

/** The page that follows a registration until the identity component decided it. */
public record RegistrationView(Page page, RegistrationOutcome outcome) {

  public boolean pending() {
    return outcome.status() == RegistrationOutcome.Status.PENDING;
  }

  public boolean registered() {
    return outcome.status() == RegistrationOutcome.Status.REGISTERED;
  }

  public boolean rejected() {
    return outcome.status() == RegistrationOutcome.Status.REJECTED;
  }
}
