package dev.videotutorials.messagestore.consumer;

import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.StreamName;

/**
 * A subscriber's position, kept as {@code Read} messages with {@code data.position} = global
 * position and no metadata in the stream {@code subscriberPosition-{subscriberId}}, the format of
 * the original system, so that either system understands the other's positions. A member of a
 * consumer group keeps its own position in {@code subscriberPosition-{subscriberId}+{member}}
 * (a compound id: the category stays {@code subscriberPosition}).
 */
public final class PositionStore {

  public static final String CATEGORY = "subscriberPosition";
  public static final String READ = "Read";
  public static final String POSITION = "position";

  private final MessageStore store;
  private final String streamName;

  public PositionStore(MessageStore store, String subscriberId) {
    this(store, subscriberId, null);
  }

  /** The position of one member of a consumer group ({@code member} null: no group). */
  public PositionStore(MessageStore store, String subscriberId, Long member) {
    this.store = store;
    this.streamName = streamName(subscriberId, member);
  }

  public static String streamName(String subscriberId, Long member) {
    return member == null
        ? StreamName.of(CATEGORY, subscriberId)
        : StreamName.of(CATEGORY, subscriberId, String.valueOf(member));
  }

  public String streamName() {
    return streamName;
  }

  /** The last recorded global position, 0 when none was recorded. */
  public long load() {
    return store.readLast(streamName, READ)
        .map(Message::data)
        .map(data -> data.longValue(POSITION))
        .orElse(0L);
  }

  public void save(long globalPosition) {
    store.write(streamName, NewMessage.of(READ, JsonObject.of(POSITION, globalPosition)));
  }
}
