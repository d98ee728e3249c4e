package dev.videotutorials.messagestore.consumer.wakeup;

import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.consumer.WakeUps;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's one LISTEN connection, turned into {@link WakeUps} for its consumers. A thread
 * waits for notifications on channel {@value WakeUpChannel#CHANNEL} (payload: the category
 * written to; empty: any category) and wakes the consumers of that category.
 *
 * <p>When the connection is lost it reconnects with back-off, listens again and then wakes
 * every consumer, since messages committed while it was away went unnoticed. While it is not
 * listening, consumers wait at most {@link WakeUpSettings#fallbackPollInterval}: they poll.
 */
public final class NotificationListener implements WakeUps, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);
  private static final int RECEIVE_SLICE_MILLIS = 500;

  private final ConnectionString connectionString;
  private final WakeUpSettings settings;
  private final CategoryVersions versions;
  private final AtomicLong connectionsOpened = new AtomicLong();
  private final Thread thread;

  private volatile boolean closed;
  private volatile boolean listening;
  private volatile Connection connection;

  private NotificationListener(ConnectionString connectionString, WakeUpSettings settings) {
    this.connectionString = Objects.requireNonNull(connectionString);
    this.settings = Objects.requireNonNull(settings);
    this.versions = new CategoryVersions(settings.heldBackWindow());
    this.thread = new Thread(this::run, "message-store-listener");
    this.thread.setDaemon(true);
  }

  /** Starts listening in the background; returns at once, even if the server is unreachable. */
  public static NotificationListener start(ConnectionString connectionString, WakeUpSettings settings) {
    NotificationListener listener = new NotificationListener(connectionString, settings);
    listener.thread.start();
    return listener;
  }

  @Override
  public long version(String category) {
    return versions.version(category);
  }

  @Override
  public void await(String category, long seenVersion, Duration timeout) throws InterruptedException {
    Duration wait = listening ? timeout : min(timeout, settings.fallbackPollInterval());
    versions.await(category, seenVersion, wait);
  }

  /** True while the LISTEN connection is up: consumers are woken within milliseconds. */
  public boolean listening() {
    return listening;
  }

  /** How many times a LISTEN connection was established (more than once: it reconnected). */
  public long connectionsOpened() {
    return connectionsOpened.get();
  }

  @Override
  public void close() {
    closed = true;
    Connection current = connection;
    if (current != null) {
      try {
        current.abort(Runnable::run);
      } catch (SQLException | RuntimeException e) {
        log.debug("Aborting the listener connection failed: {}", e.getMessage());
      }
    }
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    Backoff backoff = new Backoff(settings.maxReconnectDelay());
    while (!closed) {
      try {
        listen(backoff);
      } catch (SQLException | RuntimeException e) {
        if (closed) {
          break;
        }
        if (listening) {
          log.warn("Lost the LISTEN connection ({}); consumers poll until it is back", e.getMessage());
          listening = false;
          versions.bumpAll();
        } else {
          log.debug("Cannot LISTEN yet: {}", e.getMessage());
        }
      } finally {
        listening = false;
        DedicatedConnections.closeQuietly(connection);
        connection = null;
      }
      try {
        backoff.pause();
      } catch (InterruptedException e) {
        if (closed) {
          break;
        }
      }
    }
  }

  private void listen(Backoff backoff) throws SQLException {
    Connection current = DedicatedConnections.open(connectionString, settings.listenerApplicationName());
    connection = current;
    if (closed) {
      return;
    }
    try (Statement statement = current.createStatement()) {
      statement.execute("LISTEN " + WakeUpChannel.CHANNEL);
    }
    PGConnection notifications = current.unwrap(PGConnection.class);
    if (connectionsOpened.incrementAndGet() > 1) {
      log.info("LISTEN connection re-established");
    }
    listening = true;
    backoff.reset();
    versions.bumpAll();
    long keepAliveNanos = settings.keepAliveInterval().toNanos();
    int keepAliveSeconds = (int) Math.max(1, settings.keepAliveInterval().toSeconds());
    long lastHeard = System.nanoTime();
    while (!closed) {
      PGNotification[] received = notifications.getNotifications(RECEIVE_SLICE_MILLIS);
      long now = System.nanoTime();
      if (received != null && received.length > 0) {
        versions.notified(categories(received), now);
        lastHeard = now;
      } else if (now - lastHeard >= keepAliveNanos) {
        if (!current.isValid(keepAliveSeconds)) {
          throw new SQLException("The LISTEN connection did not answer within " + keepAliveSeconds + " s");
        }
        lastHeard = System.nanoTime();
      }
    }
  }

  private static Set<String> categories(PGNotification[] received) {
    Set<String> categories = new HashSet<>();
    for (PGNotification notification : received) {
      String payload = notification.getParameter();
      categories.add(payload == null ? "" : payload);
    }
    return categories;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
