package dev.videotutorials.messagestore.consumer;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a consumer tries a message whose handler fails before it parks the message, and how
 * long it waits between tries: {@code initialBackoff}, doubled after every failure up to
 * {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  /** Five tries over about three seconds: rides out a short outage of a dependency. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("A message is tried at least once: " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("Back-off must be 0 or more and at most " + maxBackoff);
    }
  }

  /** The default back-off with {@code maxAttempts} tries. */
  public static RetryPolicy attempts(int maxAttempts) {
    return new RetryPolicy(maxAttempts, DEFAULT.initialBackoff, DEFAULT.maxBackoff);
  }

  /** One try: a failing message is parked at once. */
  public static RetryPolicy noRetries() {
    return attempts(1);
  }

  public RetryPolicy withBackoff(Duration initial, Duration max) {
    return new RetryPolicy(maxAttempts, initial, max);
  }

  /** The wait after the {@code failedAttempts}-th failure (1 for the first). */
  public Duration backoffAfter(int failedAttempts) {
    Duration wait = initialBackoff;
    for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
