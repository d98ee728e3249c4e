package dev.videotutorials.app.components.sendemail;

import static dev.videotutorials.app.components.testing.Messages.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.app.components.testing.Eventually;
import dev.videotutorials.app.components.testing.Messages;
import dev.videotutorials.app.components.testing.RunningConsumers;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.consumer.Consumer;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The send-email component's consumer running, writing to a pickup directory. */
class SendEmailConsumersTest {

  private static TestDatabase database;
  private static MessageStore store;

  @TempDir
  Path pickup;

  @BeforeAll
  static void startStore() {
    database = TestDatabase.withMessageStore();
    store = new MessageStore(database.dataSource());
  }

  @AfterAll
  static void closeStore() {
    database.close();
  }

  private SendEmailComponent component() {
    return new SendEmailComponent(store, new PickupDirectoryMailer(pickup), "noreply@video-tutorials.test");
  }

  private static String send(JsonObject data) {
    String emailId = EmailId.forAddress(newId() + "@stream.example.com");
    String userId = newId();
    Messages.write(store, SendEmailMessages.commandStream(emailId), "Send", data.with("emailId", emailId),
        Messages.traced(userId).withOriginStreamName("identity-" + userId));
    return emailId;
  }

  private static JsonObject email(String to) {
    return JsonObject.of("to", to, "subject", "Hello", "text", "HELLO", "html", "<p>Hello</p>");
  }

  private static String outcome(String emailId) {
    return store.readLast(SendEmailMessages.emailStream(emailId)).map(message -> message.type()).orElse(null);
  }

  private long emailFiles() throws Exception {
    try (Stream<Path> files = Files.list(pickup)) {
      return files.count();
    }
  }

  @Test
  void sendsEachEmailOnceAndHostileCommandsDoNotStopIt() throws Exception {
    SendEmailComponent component = component();
    assertThat(component.consumers()).extracting(Consumer::subscriberId).containsExactly("components:send-email");
    assertThat(component.consumers()).extracting(Consumer::category).containsExactly("sendEmail:command");

    RunningConsumers running = RunningConsumers.start(component.consumers());
    String hostile;
    String good;
    try {
      hostile = send(email("victim@example.com\r\nBcc: everyone@example.com"));
      good = send(email("alice@example.com"));
      Eventually.await("the good email sent", () -> "Sent".equals(outcome(good)));
    } finally {
      running.close();
    }
    assertThat(outcome(hostile)).isEqualTo("Failed");
    assertThat(emailFiles()).isEqualTo(1);

    running.resetPositions(store);
    try (RunningConsumers again = RunningConsumers.start(component().consumers())) {
      String marker = send(email("bob@example.com"));
      Eventually.await("the marker email sent", () -> "Sent".equals(outcome(marker)));
    }
    assertThat(emailFiles()).isEqualTo(2);
    assertThat(store.readStream(SendEmailMessages.emailStream(good))).hasSize(1);
    assertThat(store.readStream(SendEmailMessages.emailStream(hostile))).hasSize(1);
  }
}
