package dev.videotutorials.app.components.identity;

/** A Register command whose data is unusable; the message is the rejection's reason. */
public final class InvalidRegistrationException extends Exception {

  public InvalidRegistrationException(String message) {
    super(message);
  }
}
