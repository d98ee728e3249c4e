package dev.videotutorials.app.components.sendemail;

import static dev.videotutorials.app.components.testing.Messages.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videotutorials.app.components.sendemail.SmtpSettings.Tls;
import dev.videotutorials.app.components.testing.Messages;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.testing.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendHandlerTest {

  private static final String SENDER = "noreply@video-tutorials.test";

  private static TestDatabase database;
  private static MessageStore store;

  @TempDir
  Path pickup;

  private SendHandler handler;

  @BeforeAll
  static void startStore() {
    database = TestDatabase.withMessageStore();
    store = new MessageStore(database.dataSource());
  }

  @AfterAll
  static void closeStore() {
    database.close();
  }

  @BeforeEach
  void pickupHandler() {
    handler = new SendHandler(store, new PickupDirectoryMailer(pickup), SENDER);
  }

  private static JsonObject sendData(String email) {
    return JsonObject.of("emailId", EmailId.forAddress(email), "to", email,
        "subject", "Welcome to the site!", "text", "WELCOME TO THE SITE!", "html", "<h1>Welcome to the site!</h1>");
  }

  private static Message send(String email, JsonObject data) {
    String userId = newId();
    return Messages.write(store, SendEmailMessages.commandStream(EmailId.forAddress(email)), "Send", data,
        Messages.traced(userId).withOriginStreamName("identity-" + userId));
  }

  private static Message send(String email) {
    return send(email, sendData(email));
  }

  private static List<Message> events(String email) {
    return store.readStream(SendEmailMessages.emailStream(EmailId.forAddress(email)));
  }

  private List<Path> emailFiles() throws Exception {
    try (Stream<Path> files = Files.list(pickup)) {
      return files.toList();
    }
  }

  private static String uniqueEmail() {
    return "mail-" + newId() + "@example.com";
  }

  @Test
  void sendsTheEmailAndRecordsSent() throws Exception {
    String email = uniqueEmail();
    Message command = send(email);

    handler.handle(command);

    List<Path> files = emailFiles();
    assertThat(files).containsExactly(pickup.resolve(command.id() + "@video-tutorials.test.eml"));
    MimeMessage delivered = PickupDirectoryMailerTest.parse(files.get(0));
    assertThat(delivered.getFrom()[0].toString()).isEqualTo(SENDER);
    assertThat(delivered.getAllRecipients()[0].toString()).isEqualTo(email);
    assertThat(delivered.getSubject()).isEqualTo("Welcome to the site!");

    List<Message> events = events(email);
    assertThat(events).extracting(Message::type).containsExactly("Sent");
    Message sent = events.get(0);
    assertThat(sent.data()).isEqualTo(sendData(email).with("from", SENDER));
    Metadata metadata = sent.metadata();
    assertThat(metadata.originStreamName()).isEqualTo(command.metadata().originStreamName());
    assertThat(metadata.traceId()).isEqualTo(command.metadata().traceId());
    assertThat(metadata.userId()).isEqualTo(command.metadata().userId());
    assertThat(metadata.causationMessageId()).isEqualTo(command.id().toString());
    assertThat(metadata.causationMessageStreamName()).isEqualTo(command.streamName());
  }

  @Test
  void aRedeliveredCommandSendsNoSecondEmail() throws Exception {
    String email = uniqueEmail();
    Message command = send(email);

    handler.handle(command);
    handler.handle(command);

    assertThat(emailFiles()).hasSize(1);
    assertThat(events(email)).extracting(Message::type).containsExactly("Sent");
  }

  @Test
  void anotherCommandForASentEmailSendsNothing() throws Exception {
    String email = uniqueEmail();
    handler.handle(send(email));

    handler.handle(send(email));

    assertThat(emailFiles()).hasSize(1);
    assertThat(events(email)).hasSize(1);
  }

  @Test
  void aTransportErrorIsRecordedAsFailedOnce() throws Exception {
    SmtpSettings closed = new SmtpSettings("127.0.0.1", SmtpMailerTest.closedPort(), null, null, Tls.NONE);
    SendHandler failing = new SendHandler(store, new SmtpMailer(closed), SENDER);
    String email = uniqueEmail();
    Message command = send(email);

    failing.handle(command);
    failing.handle(command);

    List<Message> events = events(email);
    assertThat(events).extracting(Message::type).containsExactly("Failed");
    Message failed = events.get(0);
    assertThat(failed.data().without("reason")).isEqualTo(sendData(email));
    assertThat(failed.data().string("reason")).startsWith("SMTP delivery to 127.0.0.1:").contains("Connection refused");
    assertThat(failed.metadata().originStreamName()).isEqualTo(command.metadata().originStreamName());
    assertThat(failed.metadata().causationMessageId()).isEqualTo(command.id().toString());
  }

  @Test
  void aNewCommandAfterAFailureTriesAgain() throws Exception {
    SmtpSettings closed = new SmtpSettings("127.0.0.1", SmtpMailerTest.closedPort(), null, null, Tls.NONE);
    String email = uniqueEmail();
    new SendHandler(store, new SmtpMailer(closed), SENDER).handle(send(email));

    handler.handle(send(email));

    assertThat(events(email)).extracting(Message::type).containsExactly("Failed", "Sent");
    assertThat(emailFiles()).hasSize(1);
  }

  @Test
  void hostileDataIsRecordedAsFailedWithTheReason() throws Exception {
    Map<String, JsonObject> hostile = new java.util.LinkedHashMap<>();
    String victim = uniqueEmail();
    hostile.put("Recipient address (to) contains whitespace or control characters",
        sendData(victim).with("to", victim + "\r\nBcc: everyone@example.com"));
    hostile.put("to is missing", sendData(uniqueEmail()).without("to"));
    hostile.put("Recipient address (to) is not a valid email address", sendData(uniqueEmail()).with("to", "not@valid@x"));
    hostile.put("to must be a string", sendData(uniqueEmail()).with("to", List.of("a@example.com", "b@example.com")));
    hostile.put("subject contains line breaks or control characters",
        sendData(uniqueEmail()).with("subject", "Hi\r\nBcc: everyone@example.com"));
    hostile.put("text and html are both missing", sendData(uniqueEmail()).without("text").without("html"));

    for (Map.Entry<String, JsonObject> entry : hostile.entrySet()) {
      String streamEmail = uniqueEmail();
      JsonObject data = entry.getValue().with("emailId", EmailId.forAddress(streamEmail));
      Message command = send(streamEmail, data);

      handler.handle(command);
      handler.handle(command);

      List<Message> events = events(streamEmail);
      assertThat(events).as(entry.getKey()).extracting(Message::type).containsExactly("Failed");
      assertThat(events.get(0).data().string("reason")).isEqualTo("Invalid Send command: " + entry.getKey());
    }
    assertThat(emailFiles()).isEmpty();
  }

  @Test
  void anEmailIdOtherThanTheStreamsIsRefused() throws Exception {
    String email = uniqueEmail();
    Message command = send(email, sendData(email).with("emailId", EmailId.forAddress(uniqueEmail())));

    handler.handle(command);

    assertThat(events(email)).extracting(Message::type).containsExactly("Failed");
    assertThat(events(email).get(0).data().string("reason")).contains("does not match the command's stream");
    assertThat(emailFiles()).isEmpty();
  }

  @Test
  void aStreamWithoutAnEmailIdIsIgnored() throws Exception {
    Message command = new Message(java.util.UUID.randomUUID(), "sendEmail:command", "Send", 0, 1,
        sendData(uniqueEmail()), Metadata.empty(), java.time.Instant.now());

    handler.handle(command);

    assertThat(emailFiles()).isEmpty();
  }

  @Test
  void theSenderAddressMustBeValid() {
    for (String sender : List.of("noreply\r\n@x", "", "not an address", "a@example.com, b@example.com")) {
      assertThatThrownBy(() -> new SendHandler(store, new PickupDirectoryMailer(pickup), sender))
          .as(sender)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void theSenderMayHaveADisplayName() throws Exception {
    String sender = "Video Tutorials <noreply@video-tutorials.test>";
    String email = uniqueEmail();
    Message command = send(email);

    new SendHandler(store, new PickupDirectoryMailer(pickup), sender).handle(command);

    MimeMessage delivered = PickupDirectoryMailerTest.parse(emailFiles().get(0));
    assertThat(delivered.getFrom()[0].toString()).isEqualTo(sender);
    assertThat(delivered.getMessageID()).isEqualTo("<" + command.id() + "@video-tutorials.test>");
    assertThat(events(email).get(0).data().string("from")).isEqualTo(sender);
  }
}
