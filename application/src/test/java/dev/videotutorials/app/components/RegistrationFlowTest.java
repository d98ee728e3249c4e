package dev.videotutorials.app.components;

import static dev.videotutorials.app.components.testing.Messages.newId;
import static dev.videotutorials.app.components.testing.Messages.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.videotutorials.app.aggregators.usercredentials.UserCredential;
import dev.videotutorials.app.aggregators.usercredentials.UserCredentialsAggregator;
import dev.videotutorials.app.aggregators.usercredentials.UserCredentialsView;
import dev.videotutorials.app.components.identity.IdentityComponent;
import dev.videotutorials.app.components.sendemail.EmailId;
import dev.videotutorials.app.components.sendemail.SendEmailComponent;
import dev.videotutorials.app.components.sendemail.SmtpMailer;
import dev.videotutorials.app.components.sendemail.SmtpSettings;
import dev.videotutorials.app.components.testing.Eventually;
import dev.videotutorials.app.components.testing.MailServers;
import dev.videotutorials.app.components.testing.Messages;
import dev.videotutorials.app.components.testing.RunningConsumers;
import dev.videotutorials.app.components.testing.ViewDatabase;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.testing.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Registration without the web: a Register command goes through the running consumers of the
 * identity and send-email components and the user-credentials aggregator to an email on a real
 * SMTP server; then everything is delivered again and nothing happens twice.
 */
class RegistrationFlowTest {

  private static final String SENDER = "noreply@video-tutorials.test";
  private static final String HASH = "$2b$10$abcdefghijklmnopqrstuuM0YqVvW1zZ6o5q3Dd6c8yJ2lC3kTqF.";

  @RegisterExtension
  static final GreenMailExtension greenMail = new GreenMailExtension(MailServers.patient(ServerSetupTest.SMTP));

  private static TestDatabase database;
  private static MessageStore store;
  private static UserCredentialsView credentials;

  @BeforeAll
  static void startDatabase() {
    database = TestDatabase.withMessageStore();
    ViewDatabase.migrate(database.dataSource());
    store = new MessageStore(database.dataSource());
    credentials = new UserCredentialsView(database.dataSource());
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  private static RunningConsumers startEverything() {
    SmtpSettings smtp = new SmtpSettings("127.0.0.1", greenMail.getSmtp().getPort(), null, null, SmtpSettings.Tls.NONE);
    return RunningConsumers.start(
        new UserCredentialsAggregator(store, database.dataSource()).consumers(),
        new IdentityComponent(store).consumers(),
        new SendEmailComponent(store, new SmtpMailer(smtp), SENDER).consumers());
  }

  private static Message register(String userId, String email) {
    return Messages.write(store, "identity:command-" + userId, "Register",
        JsonObject.of("userId", userId, "email", email, "passwordHash", HASH), Messages.traced(userId));
  }

  private static void awaitRegistrationEmailSent(String userId) {
    Eventually.await("RegistrationEmailSent for " + userId,
        () -> !ofType(store, "identity-" + userId, "RegistrationEmailSent").isEmpty());
  }

  @Test
  void aRegisterCommandEndsInAWelcomeEmailAndEverythingHappensOnce() throws Exception {
    String userId = newId();
    String email = "flow-" + newId() + "@example.com";
    String emailId = EmailId.forAddress(email);
    Message register;

    RunningConsumers running = startEverything();
    try {
      register = register(userId, email);
      awaitRegistrationEmailSent(userId);
      Eventually.await("the credentials row", () -> hasCredentials(userId));
    } finally {
      running.close();
    }

    List<Message> identity = store.readStream("identity-" + userId);
    assertThat(identity).extracting(Message::type).containsExactly("Registered", "RegistrationEmailSent");
    Message registered = identity.get(0);
    Message registrationEmailSent = identity.get(1);
    List<Message> sendCommands = store.readStream("sendEmail:command-" + emailId);
    assertThat(sendCommands).extracting(Message::type).containsExactly("Send");
    Message send = sendCommands.get(0);
    List<Message> emailEvents = store.readStream("sendEmail-" + emailId);
    assertThat(emailEvents).extracting(Message::type).containsExactly("Sent");
    Message sent = emailEvents.get(0);

    assertThat(registered.metadata().causationMessageId()).isEqualTo(register.id().toString());
    assertThat(send.metadata().causationMessageId()).isEqualTo(registered.id().toString());
    assertThat(sent.metadata().causationMessageId()).isEqualTo(send.id().toString());
    assertThat(registrationEmailSent.metadata().causationMessageId()).isEqualTo(sent.id().toString());
    assertThat(List.of(registered, send, sent, registrationEmailSent))
        .allSatisfy(message -> {
          assertThat(message.metadata().traceId()).isEqualTo(register.metadata().traceId());
          assertThat(message.metadata().userId()).isEqualTo(userId);
        });
    assertThat(send.metadata().originStreamName()).isEqualTo("identity-" + userId);
    assertThat(sent.metadata().originStreamName()).isEqualTo("identity-" + userId);
    assertThat(sent.data().string("from")).isEqualTo(SENDER);
    assertThat(registrationEmailSent.data()).isEqualTo(JsonObject.of("userId", userId, "emailId", emailId));
    assertThat(credentials.byId(userId)).contains(new UserCredential(userId, email, HASH));

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("Welcome to the site!");
    assertThat(received[0].getFrom()[0].toString()).isEqualTo(SENDER);
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(email);
    MimeMultipart parts = (MimeMultipart) received[0].getContent();
    assertThat(parts.getBodyPart(0).getContent()).isEqualTo("WELCOME TO THE SITE!");
    assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<h1>Welcome to the site!</h1>");

    running.resetPositions(store);
    String nextUser = newId();
    try (RunningConsumers again = startEverything()) {
      register(nextUser, "next-" + newId() + "@example.com");
      awaitRegistrationEmailSent(nextUser);
      Eventually.await("the next user's credentials row", () -> hasCredentials(nextUser));
    }

    assertThat(store.readStream("identity-" + userId)).extracting(Message::type)
        .containsExactly("Registered", "RegistrationEmailSent");
    assertThat(store.readStream("sendEmail:command-" + emailId)).hasSize(1);
    assertThat(store.readStream("sendEmail-" + emailId)).hasSize(1);
    assertThat(greenMail.getReceivedMessages()).hasSize(2);
    assertThat(greenMail.getReceivedMessages()[1].getAllRecipients()[0].toString()).startsWith("next-");
  }

  private static boolean hasCredentials(String userId) {
    try {
      return credentials.byId(userId).isPresent();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
