package dev.videotutorials.messagestore.consumer;

import java.time.Instant;
import java.util.UUID;

/**
 * A message a subscriber gave up on, waiting to be retried or discarded.
 *
 * @param messageId the original message's id
 * @param streamName its stream
 * @param position its position in the stream
 * @param globalPosition its global position
 * @param type its type
 * @param subscriberId the subscriber that parked it
 * @param error why: the handler's error, or for a message parked behind an earlier parked
 *     message of its stream, a note naming that message
 * @param stackTrace the handler error's stack trace (shortened), null when none
 * @param attempts how often the handler was tried (0 for a message parked behind another)
 * @param blockedByMessageId the earlier parked message of the same stream this one waits behind,
 *     null when the message failed itself
 * @param parkedAt when it was (last) parked
 */
public record ParkedMessage(
    UUID messageId,
    String streamName,
    long position,
    long globalPosition,
    String type,
    String subscriberId,
    String error,
    String stackTrace,
    int attempts,
    UUID blockedByMessageId,
    Instant parkedAt) {

  /** True when the message was parked only to keep its stream's order, without being tried. */
  public boolean waitingBehindAnother() {
    return blockedByMessageId != null;
  }
}
