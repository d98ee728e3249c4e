package dev.videotutorials.app.system;

/** A configuration value the system cannot use; the message is one line meant for the operator. */
public final class SettingsException extends RuntimeException {

  public SettingsException(String message) {
    super(message);
  }
}
