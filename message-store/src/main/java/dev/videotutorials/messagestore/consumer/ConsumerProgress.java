package dev.videotutorials.messagestore.consumer;

import java.time.Duration;
import java.time.Instant;

/**
 * What a consumer's thread publishes for its status, meters and lag probe. Written by one
 * thread, read by any.
 */
final class ConsumerProgress {

  /** A lag measurement: the unhandled messages after {@code position}, and the oldest of them. */
  record Lag(long position, long messages, long oldestGlobalPosition, Instant oldestTime) {
  }

  private volatile ConsumerState state = ConsumerState.STOPPED;
  private volatile long position;
  private volatile Instant inHandTime;
  private volatile Lag lag;
  private volatile String lastError;
  private volatile Instant lastErrorAt;

  ConsumerState state() {
    return state;
  }

  void state(ConsumerState state) {
    this.state = state;
    if (state != ConsumerState.ACTIVE) {
      inHandTime = null;
      lag = null;
    }
  }

  long position() {
    return position;
  }

  void position(long position) {
    this.position = position;
  }

  /** The time of the message being handled; null between batches. */
  void inHand(Instant messageTime) {
    this.inHandTime = messageTime;
  }

  void lag(Lag lag) {
    this.lag = lag;
  }

  /** Unhandled messages at the last measurement; -1 when not active or not measured yet. */
  long lagMessages() {
    Lag measured = lag;
    return state != ConsumerState.ACTIVE || measured == null ? -1 : measured.messages();
  }

  /**
   * Age of the oldest unhandled message: the one the last measurement found, while the consumer
   * has not reached it, else the one in hand; 0 when caught up, -1 when not active.
   */
  double lagSeconds(Instant now) {
    if (state != ConsumerState.ACTIVE) {
      return -1;
    }
    Lag measured = lag;
    Instant oldest;
    if (measured != null && measured.oldestTime() != null && position < measured.oldestGlobalPosition()) {
      oldest = measured.oldestTime();
    } else {
      oldest = inHandTime;
    }
    if (oldest == null) {
      return 0;
    }
    return Math.max(0, Duration.between(oldest, now).toNanos() / 1e9);
  }

  void failed(String error) {
    lastErrorAt = Instant.now();
    lastError = error;
  }

  String lastError() {
    return lastError;
  }

  Instant lastErrorAt() {
    return lastErrorAt;
  }
}
