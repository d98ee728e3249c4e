package dev.videotutorials.benchmarks.consumers;

import java.util.Arrays;

/** Percentiles of latencies given in microseconds, reported in milliseconds. */
record Percentiles(int count, double p50, double p90, double p99, double max) {

  static Percentiles ofMicros(long[] micros) {
    if (micros.length == 0) {
      throw new IllegalArgumentException("No latencies");
    }
    long[] sorted = micros.clone();
    Arrays.sort(sorted);
    return new Percentiles(sorted.length, millis(at(sorted, 0.50)), millis(at(sorted, 0.90)),
        millis(at(sorted, 0.99)), millis(sorted[sorted.length - 1]));
  }

  private static long at(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, index)];
  }

  private static double millis(long micros) {
    return micros / 1000.0;
  }
}
