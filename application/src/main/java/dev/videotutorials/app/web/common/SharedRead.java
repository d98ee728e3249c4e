package dev.videotutorials.app.web.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A query that concurrent readers share without ever reading stale data: a reader gets the
 * result of a query that started after the reader asked. Readers who ask while a query runs
 * wait for it to finish and then share the next one, so under load the database sees about one
 * query per query duration instead of one per reader; a lone reader runs its own query at once.
 */
public final class SharedRead<T> {

  private final Supplier<T> query;
  /** Held by the reader that runs a query: one query at a time. */
  private final ReentrantLock running = new ReentrantLock();
  private final Object lock = new Object();
  /** The round that readers join until its query starts; null when no reader waits. */
  private CompletableFuture<T> gathering;

  public SharedRead(Supplier<T> query) {
    this.query = query;
  }

  public T read() {
    CompletableFuture<T> round;
    boolean runsTheQuery;
    synchronized (lock) {
      runsTheQuery = gathering == null;
      if (runsTheQuery) {
        gathering = new CompletableFuture<>();
      }
      round = gathering;
    }
    if (runsTheQuery) {
      runRound(round);
    }
    return resultOf(round);
  }

  private void runRound(CompletableFuture<T> round) {
    running.lock();
    try {
      synchronized (lock) {
        gathering = null; // whoever asks from now on needs a query that starts after this one
      }
      try {
        round.complete(query.get());
      } catch (RuntimeException | Error e) {
        round.completeExceptionally(e);
      }
    } finally {
      running.unlock();
    }
  }

  private static <T> T resultOf(CompletableFuture<T> round) {
    try {
      return round.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a shared read", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }
}
