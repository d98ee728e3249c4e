package dev.videotutorials.app.system;

/** The system could not start; the message is one line meant for the operator. */
public final class StartupException extends RuntimeException {

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
