package dev.videotutorials.messagestore.consumer.wakeup;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Applies a {@link NotifyPacing}: counts the process's writes and says how long the notifier
 * must leave between two rounds, judging the write rate over windows of a tenth of a second.
 */
final class NotifyPacer {

  private static final long RATE_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final long gapNanos;
  private final long busyGapNanos;
  private final long busyWritesPerSecond;
  private final LongAdder writes = new LongAdder();
  private long windowStartNanos;
  private long writesAtWindowStart;
  private boolean busy;

  NotifyPacer(NotifyPacing pacing, long nowNanos) {
    this.gapNanos = pacing.gap().toNanos();
    this.busyGapNanos = pacing.busyGap().toNanos();
    this.busyWritesPerSecond = pacing.busyWritesPerSecond();
    this.windowStartNanos = nowNanos;
  }

  /** Called by writers, for every committed write. */
  void written() {
    writes.increment();
  }

  /** The least time between the last round and the next; called by the notifier's thread only. */
  long gapNanos(long nowNanos) {
    long window = nowNanos - windowStartNanos;
    if (window >= RATE_WINDOW_NANOS) {
      long total = writes.sum();
      double perSecond = (total - writesAtWindowStart) * 1e9 / window;
      busy = perSecond > busyWritesPerSecond;
      windowStartNanos = nowNanos;
      writesAtWindowStart = total;
    }
    return busy ? busyGapNanos : gapNanos;
  }
}
