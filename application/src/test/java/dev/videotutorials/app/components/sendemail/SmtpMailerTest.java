package dev.videotutorials.app.components.sendemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.videotutorials.app.components.testing.MailServers;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.videotutorials.app.components.sendemail.SmtpSettings.Tls;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpMailerTest {

  @RegisterExtension
  static final GreenMailExtension greenMail = new GreenMailExtension(
      MailServers.patient(ServerSetupTest.SMTP, ServerSetupTest.SMTPS))
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer", "secret"))
      .withPerMethodLifecycle(false);

  private static final OutgoingEmail EMAIL = new OutgoingEmail("id-1@video-tutorials.test",
      "noreply@video-tutorials.test", "alice@example.com",
      "Welcome to the site!", "WELCOME TO THE SITE!", "<h1>Welcome to the site!</h1>");

  private static SmtpSettings plain(String username, String password) {
    return new SmtpSettings("127.0.0.1", greenMail.getSmtp().getPort(), username, password, Tls.NONE);
  }

  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @BeforeEach
  void emptyMailboxes() throws Exception {
    greenMail.purgeEmailFromAllMailboxes();
  }

  @Test
  void deliversTextAndHtmlToTheServer() throws Exception {
    new SmtpMailer(plain(null, null)).send(EMAIL);

    assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage received = greenMail.getReceivedMessages()[0];
    assertThat(received.getMessageID()).isEqualTo("<id-1@video-tutorials.test>");
    assertThat(received.getSubject()).isEqualTo("Welcome to the site!");
    assertThat(received.getFrom()[0].toString()).isEqualTo("noreply@video-tutorials.test");
    assertThat(received.getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
    MimeMultipart parts = (MimeMultipart) received.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getBodyPart(0).getContent()).isEqualTo("WELCOME TO THE SITE!");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<h1>Welcome to the site!</h1>");
  }

  @Test
  void authenticates() throws Exception {
    new SmtpMailer(plain("mailer", "secret")).send(EMAIL);

    assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
  }

  @Test
  void aWrongPasswordIsAMailerError() {
    assertThatThrownBy(() -> new SmtpMailer(plain("mailer", "wrong")).send(EMAIL))
        .isInstanceOf(MailerException.class)
        .hasMessageContaining("SMTP delivery to 127.0.0.1:");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void aClosedPortIsAMailerError() throws Exception {
    int port = closedPort();
    SmtpSettings settings = new SmtpSettings("127.0.0.1", port, null, null, Tls.NONE);

    assertThatThrownBy(() -> new SmtpMailer(settings).send(EMAIL))
        .isInstanceOf(MailerException.class)
        .hasMessageStartingWith("SMTP delivery to 127.0.0.1:" + port + " failed: ")
        .hasMessageContaining("Connection refused");
  }

  @Test
  void tlsRefusesAServerCertificateThatIsNotTrusted() {
    SmtpSettings settings = new SmtpSettings("127.0.0.1", greenMail.getSmtps().getPort(), null, null, Tls.SSL);

    assertThatThrownBy(() -> new SmtpMailer(settings).send(EMAIL)).isInstanceOf(MailerException.class);
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void settingsNeverShowThePassword() {
    assertThat(plain("mailer", "secret").toString()).doesNotContain("secret").contains("***");
    assertThatThrownBy(() -> new SmtpSettings("h", 25, "user", null, Tls.NONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SmtpSettings(" ", 25, null, null, Tls.NONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SmtpSettings("h", 0, null, null, Tls.NONE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
