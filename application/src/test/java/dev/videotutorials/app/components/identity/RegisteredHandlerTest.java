package dev.videotutorials.app.components.identity;

import static dev.videotutorials.app.components.testing.Messages.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.app.components.sendemail.EmailId;
import dev.videotutorials.app.components.sendemail.SendEmailMessages;
import dev.videotutorials.app.components.testing.Messages;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RegisteredHandlerTest {

  private static TestDatabase database;
  private static MessageStore store;
  private static RegisteredHandler handler;

  @BeforeAll
  static void startStore() {
    database = TestDatabase.withMessageStore();
    store = new MessageStore(database.dataSource());
    handler = new RegisteredHandler(store, RegistrationEmail.load());
  }

  @AfterAll
  static void closeStore() {
    database.close();
  }

  private static Message registered(String userId, String email) {
    return Messages.write(store, IdentityMessages.identityStream(userId), "Registered",
        JsonObject.of("userId", userId, "email", email, "passwordHash", "$2b$10$hash"), Messages.traced(userId));
  }

  private static List<Message> sendCommands(String email) {
    return store.readStream(SendEmailMessages.commandStream(EmailId.forAddress(email)));
  }

  @Test
  void asksForTheWelcomeEmail() {
    String userId = newId();
    String email = "Welcome-" + newId() + "@Example.com";
    Message registered = registered(userId, email);

    handler.handle(registered);

    List<Message> sends = sendCommands(email);
    assertThat(sends).extracting(Message::type).containsExactly("Send");
    Message send = sends.get(0);
    assertThat(send.streamName()).isEqualTo("sendEmail:command-" + EmailId.forAddress(email));
    assertThat(send.data()).isEqualTo(JsonObject.of(
        "emailId", EmailId.forAddress(email),
        "to", email,
        "subject", "Welcome to the site!",
        "text", "WELCOME TO THE SITE!",
        "html", "<h1>Welcome to the site!</h1>"));
    Metadata metadata = send.metadata();
    assertThat(metadata.originStreamName()).isEqualTo("identity-" + userId);
    assertThat(metadata.traceId()).isEqualTo(registered.metadata().traceId());
    assertThat(metadata.userId()).isEqualTo(userId);
    assertThat(metadata.causationMessageId()).isEqualTo(registered.id().toString());
    assertThat(metadata.causationMessageStreamName()).isEqualTo(registered.streamName());
  }

  @Test
  void aRedeliveredEventAsksOnce() {
    String email = "twice-" + newId() + "@example.com";
    Message registered = registered(newId(), email);

    handler.handle(registered);
    handler.handle(registered);

    assertThat(sendCommands(email)).hasSize(1);
  }

  @Test
  void anEventHandledTwiceAtTheSameTimeAsksOnce() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      String email = "race-" + newId() + "@example.com";
      Message registered = registered(newId(), email);

      RegisterHandlerTest.runTogether(threads, () -> handler.handle(registered), () -> handler.handle(registered));

      assertThat(sendCommands(email)).hasSize(1);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void asksNothingOnceTheEmailWasSent() {
    String userId = newId();
    String email = "sent-" + newId() + "@example.com";
    Message registered = registered(userId, email);
    Messages.write(store, registered.streamName(), "RegistrationEmailSent",
        JsonObject.of("userId", userId, "emailId", EmailId.forAddress(email)), Metadata.empty());

    handler.handle(registered);

    assertThat(sendCommands(email)).isEmpty();
  }
}
