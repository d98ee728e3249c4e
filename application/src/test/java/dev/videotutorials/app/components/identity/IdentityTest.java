package dev.videotutorials.app.components.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.Metadata;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdentityTest {

  private static final String USER_ID = UUID.randomUUID().toString();

  private static Message message(String stream, String type, JsonObject data, Metadata metadata) {
    return new Message(UUID.randomUUID(), stream, type, 0, 1, data, metadata, Instant.now());
  }

  private static Message register() {
    return message("identity:command-" + USER_ID, "Register", JsonObject.of("userId", USER_ID), Metadata.empty());
  }

  private static Identity fold(Message... events) {
    Identity identity = Identity.PROJECTION.initial();
    for (Message event : events) {
      identity = Identity.PROJECTION.apply(identity, event);
    }
    return identity;
  }

  @Test
  void startsUnregistered() {
    Identity identity = fold();

    assertThat(identity).isEqualTo(new Identity(null, null, false, false, java.util.Set.of()));
    assertThat(identity.handled(register())).isFalse();
  }

  @Test
  void registeredHandlesEveryRegisterCommand() {
    Identity identity = fold(message("identity-" + USER_ID, "Registered",
        JsonObject.of("userId", USER_ID, "email", "alice@example.com", "passwordHash", "$2b$10$x"), Metadata.empty()));

    assertThat(identity.id()).isEqualTo(USER_ID);
    assertThat(identity.email()).isEqualTo("alice@example.com");
    assertThat(identity.registered()).isTrue();
    assertThat(identity.registrationEmailSent()).isFalse();
    assertThat(identity.handled(register())).isTrue();
  }

  @Test
  void aRejectionHandlesOnlyTheCommandItAnswered() {
    Message rejectedCommand = register();
    Identity identity = fold(message("identity-" + USER_ID, "RegistrationRejected",
        JsonObject.of("userId", USER_ID, "reason", "Email already taken"), Metadata.follow(rejectedCommand)));

    assertThat(identity.registered()).isFalse();
    assertThat(identity.handled(rejectedCommand)).isTrue();
    assertThat(identity.handled(register())).isFalse();
  }

  @Test
  void registrationEmailSent() {
    Identity identity = fold(
        message("identity-" + USER_ID, "Registered", JsonObject.of("userId", USER_ID), Metadata.empty()),
        message("identity-" + USER_ID, "RegistrationEmailSent", JsonObject.of("userId", USER_ID), Metadata.empty()));

    assertThat(identity.registrationEmailSent()).isTrue();
  }
}
