package dev.videotutorials.messagestore.consumer.wakeup;

import java.time.Duration;

/** Pauses between reconnection attempts: doubling from a short first pause up to a maximum. */
final class Backoff {

  private static final long FIRST_PAUSE_MILLIS = 50;

  private final long maxMillis;
  private long nextMillis = FIRST_PAUSE_MILLIS;

  Backoff(Duration max) {
    this.maxMillis = Math.max(FIRST_PAUSE_MILLIS, max.toMillis());
  }

  void reset() {
    nextMillis = FIRST_PAUSE_MILLIS;
  }

  void pause() throws InterruptedException {
    long pause = Math.min(nextMillis, maxMillis);
    nextMillis = Math.min(maxMillis, nextMillis * 2);
    Thread.sleep(pause);
  }
}
