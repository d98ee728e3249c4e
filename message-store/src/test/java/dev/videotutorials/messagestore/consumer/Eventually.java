package dev.videotutorials.messagestore.consumer;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls for a condition until a deadline, instead of sleeping a fixed time. */
final class Eventually {

  /** Generous: the build machines are small and busy. */
  static final Duration DEADLINE = Duration.ofSeconds(60);

  private Eventually() {
  }

  static void until(String what, BooleanSupplier condition) {
    until(what, () -> condition.getAsBoolean(), ok -> ok);
  }

  static <T> T until(String what, Supplier<T> value, Predicate<T> accepted) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      last = value.get();
      if (accepted.test(last)) {
        return last;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for " + what);
      }
    }
    throw new AssertionError("Timed out waiting for " + what + " (last seen: " + last + ")");
  }
}
