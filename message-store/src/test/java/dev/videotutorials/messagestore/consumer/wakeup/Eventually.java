package dev.videotutorials.messagestore.consumer.wakeup;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition, checking it often, and fails when the deadline passes first. */
final class Eventually {

  private Eventually() {
  }

  static void within(Duration deadline, String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError("Not within " + deadline.toSeconds() + " s: " + what);
      }
      Thread.sleep(5);
    }
  }
}
