package dev.videotutorials.app.components.sendemail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Objects;
import java.util.Properties;

/** Delivers emails to an SMTP server, one connection per email. */
public final class SmtpMailer implements Mailer {

  private static final String TIMEOUT_MILLIS = "10000";

  private final SmtpSettings settings;
  private final Session session;

  public SmtpMailer(SmtpSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.session = Session.getInstance(properties(settings));
  }

  @Override
  public void send(OutgoingEmail email) throws MailerException {
    MimeMessage message = MimeEmails.build(session, email);
    try {
      if (settings.authenticates()) {
        Transport.send(message, settings.username(), settings.password());
      } else {
        Transport.send(message);
      }
    } catch (MessagingException e) {
      throw new MailerException("SMTP delivery to " + settings.host() + ":" + settings.port()
          + " failed: " + describe(e), e);
    }
  }

  private static Properties properties(SmtpSettings settings) {
    Properties properties = new Properties();
    properties.setProperty("mail.transport.protocol", "smtp");
    properties.setProperty("mail.smtp.host", settings.host());
    properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
    properties.setProperty("mail.smtp.auth", Boolean.toString(settings.authenticates()));
    properties.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
    properties.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
    properties.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
    switch (settings.tls()) {
      case STARTTLS -> {
        properties.setProperty("mail.smtp.starttls.enable", "true");
        properties.setProperty("mail.smtp.starttls.required", "true");
        properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
      }
      case SSL -> {
        properties.setProperty("mail.smtp.ssl.enable", "true");
        properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
      }
      case NONE -> {
      }
    }
    return properties;
  }

  /** The messages of the error and its causes (where the transport's reason is), on one line. */
  private static String describe(Throwable error) {
    StringBuilder text = new StringBuilder();
    Throwable current = error;
    for (int depth = 0; current != null && depth < 5; depth++, current = current.getCause()) {
      String message = current.getMessage();
      if (message != null && !text.toString().contains(message.strip())) {
        text.append(text.length() == 0 ? "" : ": ").append(message.strip());
      }
    }
    return text.toString().replaceAll("\\s+", " ");
  }
}
