package dev.videotutorials.app.components.sendemail;

/** An email could not be delivered; the message says why. */
public final class MailerException extends Exception {

  public MailerException(String message, Throwable cause) {
    super(message, cause);
  }
}
