package dev.videotutorials.messagestore.consumer;

import java.time.Duration;

/**
 * Tells consumers that new messages may have been committed, so that they read at once
 * instead of waiting for their next poll. A consumer takes {@link #version} before it reads
 * and passes it to {@link #await}: a wake-up that arrives while it reads is never lost.
 */
public interface WakeUps {

  /** No notifications: consumers poll. */
  WakeUps POLLING = new WakeUps() {
    @Override
    public long version(String category) {
      return 0;
    }

    @Override
    public void await(String category, long seenVersion, Duration timeout) throws InterruptedException {
      Thread.sleep(timeout.toMillis());
    }
  };

  /** A counter that grows with every wake-up for {@code category} (null: any category). */
  long version(String category);

  /**
   * Returns when the version for {@code category} (null: any) has moved past
   * {@code seenVersion}, or after {@code timeout} at the latest.
   */
  void await(String category, long seenVersion, Duration timeout) throws InterruptedException;
}
