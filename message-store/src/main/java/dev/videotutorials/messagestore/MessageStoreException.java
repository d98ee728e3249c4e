package dev.videotutorials.messagestore;

/** A failure talking to the message store. */
public class MessageStoreException extends RuntimeException {
  public MessageStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public MessageStoreException(String message) {
    super(message);
  }
}
