package dev.videotutorials.messagestore.consumer;

import java.time.Instant;

/**
 * A snapshot of one consumer for health checks and admin pages.
 *
 * @param subscriberId the subscriber
 * @param consumerGroupMember the member within its group, null when not in a group
 * @param state active, standby or stopped
 * @param position the global position of the last message handled (or passed over), 0 before any
 * @param lagMessages unhandled messages at the last measurement, counted up to
 *     100,000; -1 when not measured
 * @param lagSeconds age of the oldest unhandled message, 0 when caught up
 * @param parkedMessages messages of this subscriber parked and not yet retried or discarded
 * @param lastError the last failure (handler, read or subscription), null if none
 * @param lastErrorAt when it happened
 */
public record ConsumerStatus(
    String subscriberId,
    Long consumerGroupMember,
    ConsumerState state,
    long position,
    long lagMessages,
    double lagSeconds,
    int parkedMessages,
    String lastError,
    Instant lastErrorAt) {

  public boolean active() {
    return state == ConsumerState.ACTIVE;
  }
}
