package dev.videotutorials.app.components.identity;

import static dev.videotutorials.app.components.testing.Messages.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.app.components.sendemail.EmailId;
import dev.videotutorials.app.components.sendemail.SendEmailMessages;
import dev.videotutorials.app.components.testing.Messages;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentHandlerTest {

  private static TestDatabase database;
  private static MessageStore store;
  private static SentHandler handler;

  @BeforeAll
  static void startStore() {
    database = TestDatabase.withMessageStore();
    store = new MessageStore(database.dataSource());
    handler = new SentHandler(store);
  }

  @AfterAll
  static void closeStore() {
    database.close();
  }

  private static Message sent(String originStreamName, String email) {
    String emailId = EmailId.forAddress(email);
    return Messages.write(store, SendEmailMessages.emailStream(emailId), "Sent",
        JsonObject.of("emailId", emailId, "to", email, "subject", "s", "text", "t", "html", "h", "from", "x@example.com"),
        Messages.traced(newId()).withOriginStreamName(originStreamName));
  }

  @Test
  void recordsTheRegistrationEmailInTheOriginStream() {
    String userId = newId();
    String email = "sent-" + newId() + "@example.com";
    Message sent = sent("identity-" + userId, email);

    handler.handle(sent);

    List<Message> events = store.readStream("identity-" + userId);
    assertThat(events).extracting(Message::type).containsExactly("RegistrationEmailSent");
    Message emailSent = events.get(0);
    assertThat(emailSent.data()).isEqualTo(JsonObject.of("userId", userId, "emailId", EmailId.forAddress(email)));
    assertThat(emailSent.metadata().traceId()).isEqualTo(sent.metadata().traceId());
    assertThat(emailSent.metadata().userId()).isEqualTo(sent.metadata().userId());
    assertThat(emailSent.metadata().causationMessageId()).isEqualTo(sent.id().toString());
    assertThat(emailSent.metadata().causationMessageStreamName()).isEqualTo(sent.streamName());
  }

  @Test
  void aRedeliveredSentRecordsOnce() {
    String userId = newId();
    Message sent = sent("identity-" + userId, "again-" + newId() + "@example.com");

    handler.handle(sent);
    handler.handle(sent);

    assertThat(store.readStream("identity-" + userId)).hasSize(1);
  }

  @Test
  void sentHandledTwiceAtTheSameTimeRecordsOnce() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        String userId = newId();
        Message sent = sent("identity-" + userId, "race-" + newId() + "@example.com");

        RegisterHandlerTest.runTogether(threads, () -> handler.handle(sent), () -> handler.handle(sent));

        assertThat(store.readStream("identity-" + userId)).as("round " + round).hasSize(1);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void ignoresEmailsOfOtherOrigins() {
    String id = newId();
    handler.handle(sent("someoneElse-" + id, "other-" + newId() + "@example.com"));
    handler.handle(sent("identity:command-" + id, "other-" + newId() + "@example.com"));
    handler.handle(sent("identity", "other-" + newId() + "@example.com"));

    assertThat(store.readStream("someoneElse-" + id)).isEmpty();
    assertThat(store.readStream("identity-" + id)).isEmpty();
    assertThat(store.readStream("identity:command-" + id)).hasSize(0);
  }
}
