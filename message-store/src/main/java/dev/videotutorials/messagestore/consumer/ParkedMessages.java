package dev.videotutorials.messagestore.consumer;

import dev.videotutorials.messagestore.ExpectedVersionException;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.NewMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages a subscriber parked: list them, retry them, discard them. Every action is
 * recorded in the subscriber's parked stream; nothing is deleted.
 *
 * <p>A subscriber parks a message when its handler keeps failing, and then also parks every
 * later message of the same stream, untried, so that the stream's messages are still handled
 * in order once the first one is dealt with. A stream is released when none of its messages is
 * parked any more.
 *
 * <p>Retrying runs the subscriber's handler in the calling thread, while the consumer keeps
 * handling other streams: handlers must be safe to call from two threads for different streams
 * (as they must be idempotent, for at-least-once delivery).
 */
public final class ParkedMessages {

  private static final Logger log = LoggerFactory.getLogger(ParkedMessages.class);
  private static final int MAX_ROUNDS = 20;

  private final MessageStore store;
  private final String subscriberId;
  private final Handlers handlers;
  private final ParkedLedger ledger;

  ParkedMessages(MessageStore store, String subscriberId, Handlers handlers, ParkedLedger ledger) {
    this.store = store;
    this.subscriberId = subscriberId;
    this.handlers = handlers;
    this.ledger = ledger;
  }

  /** Lists and discards the parked messages of any subscriber; retrying needs its consumer. */
  public static ParkedMessages of(MessageStore store, String subscriberId) {
    return new ParkedMessages(store, subscriberId, null, new ParkedLedger(store, subscriberId));
  }

  public String subscriberId() {
    return subscriberId;
  }

  /** The parked stream: {@code subscriberParked-{subscriberId}}. */
  public String streamName() {
    return ledger.streamName();
  }

  /** The messages parked now, in global-position order. */
  public List<ParkedMessage> list() {
    return ledger.refresh().inOrder();
  }

  public Optional<ParkedMessage> find(UUID messageId) {
    return Optional.ofNullable(ledger.refresh().byId().get(messageId));
  }

  public int count() {
    return ledger.refresh().byId().size();
  }

  /**
   * Hands the parked message to the subscriber's handler again — after every parked message of
   * the same stream before it, in order — and marks each one handled as retried. Stops at the
   * first that fails again; it stays parked with the new error. Returns true when the message
   * was handled.
   *
   * @throws NoSuchElementException when the message is not parked
   * @throws IllegalStateException when these parked messages were not obtained from the consumer
   */
  public boolean retry(UUID messageId) {
    if (handlers == null) {
      throw new IllegalStateException(
          "Parked messages are retried with the handlers of their subscriber: use Consumer.parkedMessages()");
    }
    for (int round = 0; round < MAX_ROUNDS; round++) {
      ParkedLedger.View view = ledger.refresh();
      ParkedMessage target = view.byId().get(messageId);
      if (target == null) {
        if (round == 0) {
          throw new NoSuchElementException("Message " + messageId + " is not parked by " + subscriberId);
        }
        return true;
      }
      List<NewMessage> records = new ArrayList<>();
      boolean handled = redeliver(view.ofStreamUpTo(target.streamName(), target.globalPosition()), records);
      try {
        ledger.append(records, view);
        return handled;
      } catch (ExpectedVersionException changedMeanwhile) {
        log.debug("Parked messages of {} changed during a retry; retrying with the new state", subscriberId);
      }
    }
    throw new IllegalStateException("The parked messages of " + subscriberId + " keep changing; retry later");
  }

  /**
   * Marks a parked message as never to be handled. Later parked messages of its stream stay
   * parked until they are retried or discarded themselves. Returns false when it was not parked.
   */
  public boolean discard(UUID messageId, String reason) {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      ParkedLedger.View view = ledger.refresh();
      ParkedMessage target = view.byId().get(messageId);
      if (target == null) {
        return round > 0;
      }
      try {
        ledger.append(List.of(Parking.discarded(target, reason)), view);
        return true;
      } catch (ExpectedVersionException changedMeanwhile) {
        log.debug("Parked messages of {} changed during a discard; trying again", subscriberId);
      }
    }
    throw new IllegalStateException("The parked messages of " + subscriberId + " keep changing; retry later");
  }

  private boolean redeliver(List<ParkedMessage> sequence, List<NewMessage> records) {
    for (ParkedMessage parked : sequence) {
      Message original = original(parked);
      try {
        if (original == null) {
          throw new IllegalStateException("The original message is no longer in " + parked.streamName());
        }
        Handler handler = handlers.forType(original.type());
        if (handler != null) {
          handler.handle(original);
        }
        records.add(Parking.retried(parked));
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        log.warn("Retrying parked message {} of {} for {} failed again: {}",
            parked.messageId(), parked.streamName(), subscriberId, Parking.describe(e));
        records.add(Parking.failedAgain(parked, original, e));
        return false;
      }
    }
    return true;
  }

  private Message original(ParkedMessage parked) {
    List<Message> found = store.readStream(parked.streamName(), parked.position(), 1);
    return found.isEmpty() || !found.get(0).id().equals(parked.messageId()) ? null : found.get(0);
  }
}
