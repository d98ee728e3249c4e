package dev.videotutorials.app.components.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistrationEmailTest {

  @Test
  void isTheOriginalWelcome() {
    assertThat(RegistrationEmail.load()).isEqualTo(new RegistrationEmail(
        "Welcome to the site!", "WELCOME TO THE SITE!", "<h1>Welcome to the site!</h1>"));
  }
}
