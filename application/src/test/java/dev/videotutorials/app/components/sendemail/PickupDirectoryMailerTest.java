package dev.videotutorials.app.components.sendemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PickupDirectoryMailerTest {

  @TempDir
  Path directory;

  private static OutgoingEmail email(String messageId) {
    return new OutgoingEmail(messageId, "noreply@video-tutorials.test", "alice@example.com",
        "Welcome to the site! \u2764", "WELCOME TO THE SITE!", "<h1>Welcome to the site!</h1>");
  }

  static MimeMessage parse(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return new MimeMessage(Session.getInstance(new Properties()), in);
    }
  }

  private List<Path> files() throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    }
  }

  @Test
  void writesAnEmlFileNamedAfterTheMessageId() throws Exception {
    new PickupDirectoryMailer(directory).send(email("4c1d2a0e-0000-4000-8000-000000000001@video-tutorials.test"));

    assertThat(files()).containsExactly(directory.resolve("4c1d2a0e-0000-4000-8000-000000000001@video-tutorials.test.eml"));
    MimeMessage message = parse(files().get(0));
    assertThat(message.getMessageID()).isEqualTo("<4c1d2a0e-0000-4000-8000-000000000001@video-tutorials.test>");
    assertThat(message.getSubject()).isEqualTo("Welcome to the site! \u2764");
    assertThat(message.getFrom()[0].toString()).isEqualTo("noreply@video-tutorials.test");
    assertThat(message.getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
    assertThat(message.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) message.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(parts.getBodyPart(0).getContent()).isEqualTo("WELCOME TO THE SITE!");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<h1>Welcome to the site!</h1>");
  }

  @Test
  void createsTheDirectoryAndLeavesNoTemporaryFiles() throws Exception {
    Path nested = directory.resolve("outbox/new");
    new PickupDirectoryMailer(nested).send(email("a@b"));

    try (Stream<Path> files = Files.list(nested)) {
      assertThat(files.map(path -> path.getFileName().toString())).containsExactly("a@b.eml");
    }
  }

  @Test
  void theSameEmailSentAgainReplacesItsFile() throws Exception {
    PickupDirectoryMailer mailer = new PickupDirectoryMailer(directory);
    mailer.send(email("same@video-tutorials.test"));
    mailer.send(email("same@video-tutorials.test"));

    assertThat(files()).hasSize(1);
  }

  @Test
  void fileNamesCannotLeaveTheDirectory() {
    assertThat(PickupDirectoryMailer.fileName("../../etc/passwd")).isEqualTo("_._.._etc_passwd.eml");
    assertThat(PickupDirectoryMailer.fileName("a/b\\c<d>@e")).isEqualTo("a_b_c_d_@e.eml");
    assertThat(PickupDirectoryMailer.fileName("x".repeat(500))).hasSize(204);
  }

  @Test
  void anUnwritableDirectoryIsAMailerError() throws Exception {
    Path notADirectory = Files.writeString(directory.resolve("plain-file"), "x");

    assertThatThrownBy(() -> new PickupDirectoryMailer(notADirectory).send(email("a@b")))
        .isInstanceOf(MailerException.class)
        .hasMessageStartingWith("Cannot write the email to " + notADirectory);
  }

  @Test
  void anInvalidAddressIsAMailerError() {
    OutgoingEmail bad = new OutgoingEmail("a@b", "noreply@video-tutorials.test", "not an address", "s", "t", null);

    assertThatThrownBy(() -> new PickupDirectoryMailer(directory).send(bad))
        .isInstanceOf(MailerException.class)
        .hasMessageStartingWith("Cannot build the email");
  }
}
