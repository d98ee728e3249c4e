package dev.videotutorials.app.components.sendemail;

/** A Send command whose data cannot make a safe email; the message says what is wrong. */
public final class InvalidSendCommandException extends Exception {

  public InvalidSendCommandException(String message) {
    super(message);
  }
}
