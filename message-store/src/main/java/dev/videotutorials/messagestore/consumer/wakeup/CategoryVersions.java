package dev.videotutorials.messagestore.consumer.wakeup;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The wake-up counters of one process: one per category that some consumer follows, and one
 * for consumers of all messages, with the waiting consumers.
 *
 * <p>A committed message can stay invisible to category readers for a moment: readers return
 * nothing at or above the oldest position still held by a writing transaction, whatever its
 * category. A consumer woken for category A may thus find nothing new, and the message appears
 * only when that other transaction commits, which notifies <em>its</em> category. So a
 * notification for any category also wakes the consumers of every category notified within
 * the last {@code heldBackWindow}; held-back messages are found at the next commit instead of
 * the next poll.
 */
final class CategoryVersions {

  private static final class Tracked {
    long version;
    long lastNotifiedNanos;
    boolean notified;
  }

  private final long heldBackWindowNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<String, Tracked> categories = new HashMap<>();
  private long allMessagesVersion;

  CategoryVersions(Duration heldBackWindow) {
    this.heldBackWindowNanos = heldBackWindow.toNanos();
  }

  long version(String category) {
    lock.lock();
    try {
      return current(category);
    } finally {
      lock.unlock();
    }
  }

  void await(String category, long seenVersion, Duration timeout) throws InterruptedException {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (current(category) <= seenVersion && remaining > 0) {
        remaining = changed.awaitNanos(remaining);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Messages of these categories were committed; an empty category stands for any category. */
  void notified(Collection<String> notifiedCategories, long nowNanos) {
    if (notifiedCategories.isEmpty()) {
      return;
    }
    if (notifiedCategories.contains("")) {
      bumpAll();
      return;
    }
    lock.lock();
    try {
      allMessagesVersion++;
      for (Map.Entry<String, Tracked> entry : categories.entrySet()) {
        Tracked tracked = entry.getValue();
        boolean named = notifiedCategories.contains(entry.getKey());
        boolean recentlyNotified = tracked.notified && nowNanos - tracked.lastNotifiedNanos < heldBackWindowNanos;
        if (named || recentlyNotified) {
          tracked.version++;
        }
        if (named) {
          tracked.notified = true;
          tracked.lastNotifiedNanos = nowNanos;
        }
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes every consumer: anything may have been committed unnoticed. */
  void bumpAll() {
    lock.lock();
    try {
      allMessagesVersion++;
      for (Tracked tracked : categories.values()) {
        tracked.version++;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private long current(String category) {
    if (category == null) {
      return allMessagesVersion;
    }
    return categories.computeIfAbsent(category, name -> new Tracked()).version;
  }
}
