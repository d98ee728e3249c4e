package dev.videotutorials.app.components.sendemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videotutorials.messagestore.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendCommandTest {

  private static final String EMAIL_ID = EmailId.forAddress("alice@example.com");

  private static JsonObject valid() {
    return JsonObject.of("emailId", EMAIL_ID, "to", "alice@example.com",
        "subject", "Welcome to the site!", "text", "WELCOME TO THE SITE!", "html", "<h1>Welcome to the site!</h1>");
  }

  @Test
  void readsAValidCommand() throws Exception {
    SendCommand command = SendCommand.parse(valid(), EMAIL_ID);

    assertThat(command).isEqualTo(new SendCommand(EMAIL_ID, "alice@example.com",
        "Welcome to the site!", "WELCOME TO THE SITE!", "<h1>Welcome to the site!</h1>"));
  }

  @Test
  void oneBodyIsEnough() throws Exception {
    assertThat(SendCommand.parse(valid().without("html"), EMAIL_ID).html()).isNull();
    assertThat(SendCommand.parse(valid().without("text"), EMAIL_ID).text()).isNull();
  }

  @Test
  void refusesHeaderInjectionInTheRecipient() {
    for (String to : List.of("alice@example.com\r\nBcc: mallory@example.com", "alice@example.com\nBcc: m@example.com",
        "alice@example.com\rX: y")) {
      assertThatThrownBy(() -> SendCommand.parse(valid().with("to", to), EMAIL_ID))
          .isInstanceOf(InvalidSendCommandException.class)
          .hasMessage("Recipient address (to) contains whitespace or control characters");
    }
  }

  @Test
  void refusesSeveralOrDecoratedRecipients() {
    for (String to : List.of("alice@example.com, mallory@example.com", "Alice <alice@example.com>")) {
      assertThatThrownBy(() -> SendCommand.parse(valid().with("to", to), EMAIL_ID))
          .isInstanceOf(InvalidSendCommandException.class)
          .hasMessageStartingWith("Recipient address (to) ");
    }
  }

  @Test
  void refusesInvalidAddresses() {
    for (String to : List.of("not-an-address", "@example.com", "alice@", "alice@@example.com", "a(b)@example.com")) {
      assertThatThrownBy(() -> SendCommand.parse(valid().with("to", to), EMAIL_ID))
          .as(to)
          .isInstanceOf(InvalidSendCommandException.class)
          .hasMessageStartingWith("Recipient address (to) ");
    }
  }

  @Test
  void refusesMissingOrMistypedFields() {
    assertThatThrownBy(() -> SendCommand.parse(valid().without("to"), EMAIL_ID)).hasMessage("to is missing");
    assertThatThrownBy(() -> SendCommand.parse(valid().with("to", 42), EMAIL_ID)).hasMessage("to must be a string");
    assertThatThrownBy(() -> SendCommand.parse(valid().with("to", List.of("a@example.com")), EMAIL_ID))
        .hasMessage("to must be a string");
    assertThatThrownBy(() -> SendCommand.parse(valid().without("subject"), EMAIL_ID)).hasMessage("subject is missing");
    assertThatThrownBy(() -> SendCommand.parse(valid().without("text").without("html"), EMAIL_ID))
        .hasMessage("text and html are both missing");
    assertThatThrownBy(() -> SendCommand.parse(JsonObject.empty(), EMAIL_ID)).hasMessage("emailId is missing");
  }

  @Test
  void refusesLineBreaksInTheSubject() {
    assertThatThrownBy(() -> SendCommand.parse(valid().with("subject", "Hi\r\nBcc: mallory@example.com"), EMAIL_ID))
        .hasMessage("subject contains line breaks or control characters");
  }

  @Test
  void refusesOversizedParts() {
    String huge = "x".repeat(SendCommand.MAX_BODY_LENGTH + 1);
    assertThatThrownBy(() -> SendCommand.parse(valid().with("html", huge), EMAIL_ID))
        .hasMessage("html is longer than 1000000 characters");
    assertThatThrownBy(() -> SendCommand.parse(valid().with("subject", "s".repeat(999)), EMAIL_ID))
        .hasMessage("subject is longer than 998 characters");
    assertThatThrownBy(() -> SendCommand.parse(valid().with("to", "a".repeat(250) + "@example.com"), EMAIL_ID))
        .hasMessage("Recipient address (to) is longer than 254 characters");
  }

  @Test
  void refusesAnEmailIdThatIsNotTheStreams() {
    assertThatThrownBy(() -> SendCommand.parse(valid(), EmailId.forAddress("bob@example.com")))
        .hasMessageContaining("does not match the command's stream");
  }
}
