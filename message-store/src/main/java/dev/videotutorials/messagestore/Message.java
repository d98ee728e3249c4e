package dev.videotutorials.messagestore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A message as stored: {@code position} is its 0-based place in its stream,
 * {@code globalPosition} its place in the whole store (gaps are normal), {@code time} the UTC
 * time its transaction started.
 */
public record Message(
    UUID id,
    String streamName,
    String type,
    long position,
    long globalPosition,
    JsonObject data,
    Metadata metadata,
    Instant time) {

  public Message {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(streamName, "streamName");
    Objects.requireNonNull(type, "type");
    data = data == null ? JsonObject.empty() : data;
    metadata = metadata == null ? Metadata.empty() : metadata;
  }

  public String category() {
    return StreamName.category(streamName);
  }

  public String streamId() {
    return StreamName.id(streamName);
  }
}
