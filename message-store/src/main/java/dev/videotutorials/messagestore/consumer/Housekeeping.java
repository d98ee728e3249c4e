package dev.videotutorials.messagestore.consumer;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread, shared by every consumer of the JVM, for periodic work beside the
 * consumers' own threads (lag measurement, refreshing the parked count).
 */
final class Housekeeping {

  private static ScheduledExecutorService scheduler;

  private Housekeeping() {
  }

  /** Runs {@code task} now and then every {@code interval} until the handle is cancelled. */
  static ScheduledFuture<?> every(Duration interval, Runnable task) {
    return scheduler().scheduleWithFixedDelay(task, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static synchronized ScheduledExecutorService scheduler() {
    if (scheduler == null) {
      scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "consumer-housekeeping");
        thread.setDaemon(true);
        return thread;
      });
    }
    return scheduler;
  }
}
