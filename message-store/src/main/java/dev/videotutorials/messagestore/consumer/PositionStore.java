package dev.videotutorials.messagestore.consumer;

import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.StreamName;

/**
 * A subscriber's position, kept as {@code Read} messages with {@code data.position} = global
 * position in the stream {@code subscriberPosition-{subscriberId}}, the format of the original
 * system, so that either system understands the other's positions.
 */
public final class PositionStore {

  public static final String CATEGORY = "subscriberPosition";
  public static final String READ = "Read";

  private final MessageStore store;
  private final String streamName;

  public PositionStore(MessageStore store, String subscriberId) {
    this.store = store;
    this.streamName = StreamName.of(CATEGORY, subscriberId);
  }

  public String streamName() {
    return streamName;
  }

  /** The last recorded global position, 0 when none was recorded. */
  public long load() {
    return store.readLast(streamName, READ)
        .map(Message::data)
        .map(data -> data.longValue("position"))
        .orElse(0L);
  }

  public void save(long globalPosition) {
    store.write(streamName, NewMessage.of(READ, JsonObject.of("position", globalPosition)));
  }
}
