package dev.videotutorials.messagestore.consumer;

import java.time.Duration;

/**
 * Tells a consumer's thread to stop. Only waits (idle polling, back-off, standby) are
 * interrupted: a handler in progress is never interrupted, so the message in hand is finished.
 */
final class StopSignal {

  @FunctionalInterface
  interface Wait {
    void await() throws InterruptedException;
  }

  private final Object lock = new Object();
  private volatile boolean stopping;
  private Thread waiter;

  boolean stopping() {
    return stopping;
  }

  void stop() {
    synchronized (lock) {
      stopping = true;
      if (waiter != null) {
        waiter.interrupt();
      }
    }
  }

  /** Sleeps, unless asked to stop; returns false when stopping. */
  boolean pause(Duration duration) {
    return await(() -> Thread.sleep(duration.toMillis()));
  }

  /** Runs a blocking wait that {@link #stop} cuts short; returns false when stopping. */
  boolean await(Wait wait) {
    synchronized (lock) {
      if (stopping) {
        return false;
      }
      waiter = Thread.currentThread();
    }
    try {
      wait.await();
    } catch (InterruptedException e) {
      // stop() interrupted the wait; the flag is cleared below.
    } finally {
      synchronized (lock) {
        waiter = null;
      }
      // An interrupt meant for the wait must not reach the next handler or JDBC call.
      Thread.interrupted();
    }
    return !stopping;
  }
}
