package dev.videotutorials.messagestore.consumer.wakeup;

import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.StreamName;
import dev.videotutorials.messagestore.WriteListener;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces committed writes to every listening process, outside the write transaction.
 *
 * <p>A NOTIFY inside a writing transaction would serialise every such commit in the cluster,
 * so writers only record the category they wrote to ({@link #written}, which never blocks) and
 * one background thread sends a NOTIFY per category on its own connection. Writes that
 * happen while a NOTIFY is on its way, or within the {@link NotifyPacing} gap after it, are
 * collected and announced together by the next one.
 */
public final class CommitNotifier implements WriteListener, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CommitNotifier.class);
  /** NOTIFY payloads must stay below 8000 bytes; a longer category is announced as "any". */
  private static final int MAX_PAYLOAD_BYTES = 7000;
  private static final String NOTIFY =
      "SELECT pg_catalog.pg_notify(?, category) FROM unnest(?::text[]) AS category";

  private final ConnectionString connectionString;
  private final WakeUpSettings settings;
  private final Set<String> dirtyCategories = ConcurrentHashMap.newKeySet();
  private final AtomicLong notificationsSent = new AtomicLong();
  private final NotifyPacer pacer;
  private final Thread sender;

  private volatile boolean closed;
  private Connection connection;
  private long lastSentNanos = System.nanoTime() - Duration.ofDays(1).toNanos();

  private CommitNotifier(ConnectionString connectionString, WakeUpSettings settings) {
    this.connectionString = Objects.requireNonNull(connectionString);
    this.settings = Objects.requireNonNull(settings);
    this.pacer = new NotifyPacer(settings.notifyPacing(), System.nanoTime());
    this.sender = new Thread(this::run, "message-store-notifier");
    this.sender.setDaemon(true);
  }

  public static CommitNotifier start(ConnectionString connectionString, WakeUpSettings settings) {
    CommitNotifier notifier = new CommitNotifier(connectionString, settings);
    notifier.sender.start();
    return notifier;
  }

  @Override
  public void written(String streamName) {
    if (closed || streamName == null) {
      return;
    }
    pacer.written();
    // When the category is pending already, the sender takes it with the others, after this
    // commit: waking it for every write would cost a context switch per write.
    if (dirtyCategories.add(payload(StreamName.category(streamName)))) {
      LockSupport.unpark(sender);
    }
  }

  /** How many NOTIFYs were sent (one per category per round). */
  public long notificationsSent() {
    return notificationsSent.get();
  }

  /** Announces what is still pending (best effort) and stops. */
  @Override
  public void close() {
    closed = true;
    sender.interrupt();
    try {
      sender.join(15_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    Backoff backoff = new Backoff(settings.maxReconnectDelay());
    while (!closed) {
      if (dirtyCategories.isEmpty()) {
        LockSupport.park(this);
        continue;
      }
      waitOutTheGap();
      if (sendPending()) {
        backoff.reset();
      } else {
        try {
          backoff.pause();
        } catch (InterruptedException e) {
          break;
        }
      }
    }
    Thread.interrupted();
    if (!dirtyCategories.isEmpty()) {
      sendPending();
    }
    DedicatedConnections.closeQuietly(connection);
  }

  private void waitOutTheGap() {
    long wait;
    while (!closed && (wait = lastSentNanos + pacer.gapNanos(System.nanoTime()) - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }

  /** Sends one NOTIFY per pending category; on failure they stay pending. */
  private boolean sendPending() {
    List<String> categories = takePending();
    try {
      if (connection == null) {
        connection = openConnection();
      }
      try (PreparedStatement statement = connection.prepareStatement(NOTIFY)) {
        Array payloads = connection.createArrayOf("text", categories.toArray());
        statement.setString(1, WakeUpChannel.CHANNEL);
        statement.setArray(2, payloads);
        statement.executeQuery().close();
      }
      lastSentNanos = System.nanoTime();
      notificationsSent.addAndGet(categories.size());
      return true;
    } catch (SQLException | RuntimeException e) {
      dirtyCategories.addAll(categories);
      log.warn("Cannot notify listeners of new messages ({}); retrying", e.getMessage());
      DedicatedConnections.closeQuietly(connection);
      connection = null;
      return false;
    }
  }

  private List<String> takePending() {
    List<String> categories = new ArrayList<>();
    Iterator<String> pending = dirtyCategories.iterator();
    while (pending.hasNext()) {
      categories.add(pending.next());
      pending.remove();
    }
    return categories;
  }

  private Connection openConnection() throws SQLException {
    Connection opened = DedicatedConnections.open(connectionString, settings.notifierApplicationName());
    try (Statement statement = opened.createStatement()) {
      // A notification is not worth a WAL flush: it is useless after a crash anyway.
      statement.execute("SET synchronous_commit = off");
    } catch (SQLException e) {
      DedicatedConnections.closeQuietly(opened);
      throw e;
    }
    return opened;
  }

  private static String payload(String category) {
    return category.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES ? "" : category;
  }
}
