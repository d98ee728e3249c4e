package dev.videotutorials.app.components.sendemail;

/** Delivers emails: to a pickup directory, to an SMTP server. */
public interface Mailer {

  /** Delivers {@code email}, or throws {@link MailerException} saying why it could not. */
  void send(OutgoingEmail email) throws MailerException;
}
