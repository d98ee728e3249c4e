package dev.videotutorials.app.components.sendemail;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * Turns an {@link OutgoingEmail} into a MIME message: multipart/alternative with a text and an
 * html part when it has both, the one part otherwise; UTF-8 throughout.
 */
final class MimeEmails {

  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private MimeEmails() {
  }

  static MimeMessage build(Session session, OutgoingEmail email) throws MailerException {
    try {
      MimeMessage message = new MessageWithGivenId(session, "<" + email.messageId() + ">");
      message.setFrom(new InternetAddress(email.from(), true));
      message.setRecipient(RecipientType.TO, new InternetAddress(email.to(), true));
      message.setSubject(email.subject(), UTF_8);
      message.setSentDate(new Date());
      if (email.text() != null && email.html() != null) {
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(part(email.text(), "plain"));
        alternative.addBodyPart(part(email.html(), "html"));
        message.setContent(alternative);
      } else if (email.text() != null) {
        message.setText(email.text(), UTF_8, "plain");
      } else {
        message.setText(email.html(), UTF_8, "html");
      }
      message.saveChanges();
      return message;
    } catch (MessagingException e) {
      throw new MailerException("Cannot build the email: " + e.getMessage(), e);
    }
  }

  private static MimeBodyPart part(String content, String subtype) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(content, UTF_8, subtype);
    return part;
  }

  /** Keeps the Message-ID it was given instead of making a new one on every save. */
  private static final class MessageWithGivenId extends MimeMessage {
    private final String messageId;

    MessageWithGivenId(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
