package dev.videotutorials.messagestore.cli;

/** A failure whose message is already the one line the user should read. */
final class CliException extends RuntimeException {

  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
