package dev.videotutorials.app.components.sendemail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.Metadata;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmailTest {

  private static final String STREAM = "sendEmail-" + UUID.randomUUID();

  private static Message message(String type, Metadata metadata, long position) {
    return new Message(UUID.randomUUID(), STREAM, type, position, position + 10, JsonObject.empty(), metadata, Instant.now());
  }

  private static Email fold(Message... messages) {
    Email email = Email.PROJECTION.initial();
    for (Message message : messages) {
      email = Email.PROJECTION.apply(email, message);
    }
    return email;
  }

  @Test
  void aNewEmailHandlesEveryCommand() {
    Message command = message("Send", Metadata.empty(), 0);
    assertThat(fold().handled(command)).isFalse();
  }

  @Test
  void aSentEmailHasHandledEveryCommand() {
    Email email = fold(message("Sent", Metadata.empty(), 0));
    assertThat(email.sent()).isTrue();
    assertThat(email.handled(message("Send", Metadata.empty(), 0))).isTrue();
  }

  @Test
  void aFailureMarksOnlyTheCommandThatFailed() {
    Message failedCommand = message("Send", Metadata.empty(), 0);
    Message laterCommand = message("Send", Metadata.empty(), 1);
    Email email = fold(message("Failed", Metadata.follow(failedCommand), 0));

    assertThat(email.sent()).isFalse();
    assertThat(email.handled(failedCommand)).isTrue();
    assertThat(email.handled(laterCommand)).isFalse();
  }

  @Test
  void aFailureWithoutCausationMarksNothing() {
    Email email = fold(message("Failed", Metadata.empty(), 0));
    assertThat(email.failedCommandIds()).isEmpty();
  }
}
