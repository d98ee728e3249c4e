package dev.videotutorials.messagestore;

import java.util.Objects;
import java.util.UUID;

/** A message to be written: its id, type, data and metadata. The store adds the rest. */
public record NewMessage(UUID id, String type, JsonObject data, Metadata metadata) {

  public NewMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    if (type.isBlank()) {
      throw new IllegalArgumentException("Messages must have a type");
    }
    data = data == null ? JsonObject.empty() : data;
    metadata = metadata == null ? Metadata.empty() : metadata;
  }

  /** A message with a fresh random id. */
  public static NewMessage of(String type, JsonObject data, Metadata metadata) {
    return new NewMessage(UUID.randomUUID(), type, data, metadata);
  }

  public static NewMessage of(String type, JsonObject data) {
    return of(type, data, Metadata.empty());
  }

  public NewMessage withId(UUID id) {
    return new NewMessage(id, type, data, metadata);
  }

  public NewMessage withMetadata(Metadata metadata) {
    return new NewMessage(id, type, data, metadata);
  }
}
