package dev.videotutorials.messagestore;

import java.util.UUID;

/** A write of a message whose id is already in the store (unique index {@code messages_id}). */
public final class DuplicateMessageIdException extends MessageStoreException {

  private final UUID messageId;

  public DuplicateMessageIdException(UUID messageId, Throwable cause) {
    super("A message with id " + messageId + " is already in the store", cause);
    this.messageId = messageId;
  }

  public UUID messageId() {
    return messageId;
  }
}
