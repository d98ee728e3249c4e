package dev.videotutorials.app.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Durations measured one by one, summarised by nearest-rank percentiles in milliseconds. */
final class LatencySamples {

  private final List<Long> nanos = new ArrayList<>();

  void add(long durationNanos) {
    nanos.add(durationNanos);
  }

  int size() {
    return nanos.size();
  }

  /** The {@code percent}-th percentile (nearest rank) in milliseconds. */
  double percentileMillis(double percent) {
    if (nanos.isEmpty()) {
      throw new IllegalStateException("No samples");
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1)) / 1e6;
  }

  /** "p50 / p99 / max" in milliseconds with one decimal, for progress lines. */
  String summary() {
    return String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms", percentileMillis(50), percentileMillis(99), percentileMillis(100));
  }
}
