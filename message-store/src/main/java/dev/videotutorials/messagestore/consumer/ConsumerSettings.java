package dev.videotutorials.messagestore.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/** A consumer's configuration, as the builder left it. */
record ConsumerSettings(
    String subscriberId,
    String category,
    Handlers handlers,
    String originCategory,
    String correlation,
    Long groupMember,
    Long groupSize,
    int batchSize,
    int positionUpdateMessages,
    Duration positionUpdateTime,
    Duration pollInterval,
    WakeUps wakeUps,
    RetryPolicy retryPolicy,
    MeterRegistry meterRegistry,
    LockConnections lockConnections,
    Duration standbyRetryInterval,
    Duration lockCheckInterval,
    Duration lagProbeInterval) {

  /** True when the store filters the reads, so a short read may skip messages it never returns. */
  boolean filteredOnServer() {
    return correlation != null || groupMember != null;
  }

  /**
   * How long a consumer that has just taken the subscription waits before reading: longer than
   * the previous holder needs to notice it lost the subscription, so the two never overlap.
   */
  Duration takeoverDelay() {
    return lockCheckInterval.multipliedBy(3);
  }
}
