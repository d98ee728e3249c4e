package dev.videotutorials.app.components.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.Metadata;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RegisterCommandTest {

  private static final String USER_ID = UUID.randomUUID().toString();
  private static final String HASH = "$2b$10$abcdefghijklmnopqrstuuM0YqVvW1zZ6o5q3Dd6c8yJ2lC3kTqF.";

  private static JsonObject valid() {
    return JsonObject.of("userId", USER_ID, "email", "alice@example.com", "passwordHash", HASH);
  }

  @Test
  void readsAValidCommand() throws Exception {
    assertThat(RegisterCommand.parse(valid())).isEqualTo(new RegisterCommand(USER_ID, "alice@example.com", HASH));
  }

  @Test
  void refusesMissingFields() {
    assertThatThrownBy(() -> RegisterCommand.parse(valid().without("userId")))
        .isInstanceOf(InvalidRegistrationException.class).hasMessage("userId is missing or not a valid id");
    assertThatThrownBy(() -> RegisterCommand.parse(valid().without("email"))).hasMessage("Email can't be blank");
    assertThatThrownBy(() -> RegisterCommand.parse(valid().with("email", ""))).hasMessage("Email can't be blank");
    assertThatThrownBy(() -> RegisterCommand.parse(valid().without("passwordHash")))
        .hasMessage("passwordHash can't be blank");
  }

  @Test
  void refusesInvalidOrHostileEmails() {
    for (String email : List.of("not an email", "alice@example.com\r\nBcc: m@example.com", " alice@example.com",
        "Alice <alice@example.com>", "a@example.com,b@example.com", "x".repeat(300) + "@example.com")) {
      assertThatThrownBy(() -> RegisterCommand.parse(valid().with("email", email)))
          .as(email).hasMessage("Email is not a valid email");
    }
  }

  @Test
  void refusesMistypedFields() {
    assertThatThrownBy(() -> RegisterCommand.parse(valid().with("email", 7))).hasMessage("email must be a string");
    assertThatThrownBy(() -> RegisterCommand.parse(valid().with("userId", 7)))
        .hasMessage("userId is missing or not a valid id");
    assertThatThrownBy(() -> RegisterCommand.parse(valid().with("userId", "a\nb")))
        .hasMessage("userId is missing or not a valid id");
  }

  @Test
  void theAddresseeIsTheDataUserIdOrElseTheStreamId() {
    assertThat(RegisterCommand.addressee(command("identity:command-" + USER_ID, valid()))).isEqualTo(USER_ID);
    assertThat(RegisterCommand.addressee(command("identity:command-stream-id", valid().without("userId"))))
        .isEqualTo("stream-id");
    assertThat(RegisterCommand.addressee(command("identity:command", valid().with("userId", List.of())))).isNull();
  }

  private static Message command(String stream, JsonObject data) {
    return new Message(UUID.randomUUID(), stream, "Register", 0, 1, data, Metadata.empty(), Instant.now());
  }
}
