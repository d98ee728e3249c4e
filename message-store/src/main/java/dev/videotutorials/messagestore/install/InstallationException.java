package dev.videotutorials.messagestore.install;

public class InstallationException extends RuntimeException {
  public InstallationException(String message, Throwable cause) {
    super(message, cause);
  }
}
