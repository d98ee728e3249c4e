package dev.videotutorials.messagestore.consumer.wakeup;

import java.time.Duration;
import java.util.Objects;

/**
 * How closely a notifier's NOTIFY rounds may follow each other. Writes made between two rounds
 * are announced together by the second. A round costs the server and every listening process
 * about as much as a small write, so under heavy writing the rounds are spaced further apart;
 * a write after a quiet spell is announced at once.
 *
 * @param gap the least time between two rounds
 * @param busyGap the least time between two rounds while the process writes more than
 *     {@code busyWritesPerSecond}
 * @param busyWritesPerSecond from which write rate the notifier uses {@code busyGap}
 */
public record NotifyPacing(Duration gap, Duration busyGap, long busyWritesPerSecond) {

  public static final NotifyPacing DEFAULT = new NotifyPacing(Duration.ofMillis(1), Duration.ofMillis(20), 2_000);

  public NotifyPacing {
    Objects.requireNonNull(gap, "gap");
    Objects.requireNonNull(busyGap, "busyGap");
    if (gap.isNegative() || busyGap.isNegative()) {
      throw new IllegalArgumentException("Gaps must not be negative");
    }
    if (busyWritesPerSecond < 1) {
      throw new IllegalArgumentException("busyWritesPerSecond must be positive");
    }
  }

  /** The same gap whatever the write rate. */
  public static NotifyPacing fixed(Duration gap) {
    return new NotifyPacing(gap, gap, Long.MAX_VALUE);
  }
}
