package dev.videotutorials.benchmarks.consumers;

import java.time.Instant;

/**
 * Wall-clock time in microseconds since the epoch. Writer and consumer run in different JVMs
 * on one machine, so only the machine's wall clock is common to both ({@code nanoTime} is not).
 */
final class Clock {

  private Clock() {
  }

  static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}
