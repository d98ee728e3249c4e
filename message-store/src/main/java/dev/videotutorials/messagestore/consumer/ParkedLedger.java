package dev.videotutorials.messagestore.consumer;

import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.NewMessage;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What is currently parked for one subscriber, folded from its parked stream. Every change is
 * written with the stream version this ledger last read as expected version, so two writers
 * (the consumer parking a message, someone retrying or discarding) never act on a stale view:
 * the loser gets an {@link dev.videotutorials.messagestore.ExpectedVersionException}, refreshes
 * and decides again.
 */
final class ParkedLedger {

  /** An immutable picture of the unresolved parked messages. */
  record View(long version, Map<UUID, ParkedMessage> byId, Map<String, ParkedMessage> firstByStream) {

    static final View EMPTY = new View(-1, Map.of(), Map.of());

    boolean isEmpty() {
      return byId.isEmpty();
    }

    boolean contains(UUID messageId) {
      return byId.containsKey(messageId);
    }

    /** The earlier parked message of the same stream that {@code message} must wait behind. */
    ParkedMessage blockerOf(Message message) {
      ParkedMessage first = firstByStream.get(message.streamName());
      return first != null && first.globalPosition() < message.globalPosition() ? first : null;
    }

    List<ParkedMessage> inOrder() {
      return byId.values().stream().sorted(Comparator.comparingLong(ParkedMessage::globalPosition)).toList();
    }

    /** The parked messages of {@code streamName} up to and including {@code globalPosition}. */
    List<ParkedMessage> ofStreamUpTo(String streamName, long globalPosition) {
      return inOrder().stream()
          .filter(parked -> parked.streamName().equals(streamName) && parked.globalPosition() <= globalPosition)
          .toList();
    }
  }

  private final MessageStore store;
  private final String streamName;
  private final Map<UUID, ParkedMessage> unresolved = new HashMap<>();
  private long version = -1;
  private volatile View view = View.EMPTY;

  ParkedLedger(MessageStore store, String subscriberId) {
    this.store = store;
    this.streamName = Parking.streamName(subscriberId);
  }

  String streamName() {
    return streamName;
  }

  View view() {
    return view;
  }

  /** Reads what was recorded since the last refresh. */
  synchronized View refresh() {
    boolean changed = false;
    while (true) {
      List<Message> batch = store.readStream(streamName, version + 1, MessageStore.DEFAULT_BATCH_SIZE);
      for (Message record : batch) {
        apply(record);
        version = record.position();
        changed = true;
      }
      if (batch.size() < MessageStore.DEFAULT_BATCH_SIZE) {
        break;
      }
    }
    if (changed) {
      view = snapshot();
    }
    return view;
  }

  /**
   * Appends {@code records} atomically if nothing was recorded since {@code expected} was read,
   * then refreshes; throws {@link dev.videotutorials.messagestore.ExpectedVersionException}
   * (after refreshing) otherwise.
   */
  synchronized View append(List<NewMessage> records, View expected) {
    try {
      store.write(streamName, records, expected.version());
    } finally {
      refresh();
    }
    return view;
  }

  private void apply(Message record) {
    switch (record.type()) {
      case Parking.PARKED -> {
        ParkedMessage parked = Parking.read(record);
        unresolved.put(parked.messageId(), parked);
      }
      case Parking.RETRIED, Parking.DISCARDED -> unresolved.remove(Parking.referencedMessageId(record));
      default -> {
        // Other types are not ours; they change nothing.
      }
    }
  }

  private View snapshot() {
    Map<String, ParkedMessage> first = new HashMap<>();
    for (ParkedMessage parked : unresolved.values()) {
      first.merge(parked.streamName(), parked,
          (a, b) -> a.globalPosition() <= b.globalPosition() ? a : b);
    }
    return new View(version, Map.copyOf(unresolved), Map.copyOf(first));
  }
}
