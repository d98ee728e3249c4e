package dev.videotutorials.messagestore.consumer;

import dev.videotutorials.messagestore.Hash64;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The right to consume one position stream, held as a session-level advisory lock on a
 * connection of its own. PostgreSQL releases the lock when that session ends, so a process that
 * dies or loses its connection loses the subscription, and a standby can take it over.
 *
 * <p>The key is the two-key form (so it can never equal a stream lock of {@code write_message},
 * which uses the one-key form) with marker 0x4D43 in the top 16 bits of the first key (the
 * store's writer tickets use 0x4D53), followed by 48 bits of {@code hash_64} of the position
 * stream name.
 */
final class SubscriptionLock implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionLock.class);
  private static final int MARKER = 0x4D43;
  private static final int VALIDITY_TIMEOUT_SECONDS = 2;

  private final LockConnections connections;
  private final String applicationName;
  private final int key1;
  private final int key2;
  private Connection connection;
  private boolean held;

  SubscriptionLock(LockConnections connections, String positionStreamName) {
    this.connections = connections;
    this.applicationName = abbreviate("consumer " + positionStreamName);
    long hash = Hash64.of(positionStreamName);
    this.key1 = (MARKER << 16) | (int) ((hash >>> 32) & 0xFFFF);
    this.key2 = (int) hash;
  }

  /** Tries once to take the lock; false when another session holds it. */
  boolean tryAcquire() throws SQLException {
    if (held) {
      return true;
    }
    if (connection == null || connection.isClosed()) {
      connection = connections.open();
      connection.setAutoCommit(true);
      connection.setClientInfo("ApplicationName", applicationName);
    }
    try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
      statement.setInt(1, key1);
      statement.setInt(2, key2);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        held = rs.getBoolean(1);
      }
    } catch (SQLException e) {
      closeConnection();
      throw e;
    }
    return held;
  }

  /**
   * True while the session holding the lock is alive (one round trip). A session-level lock is
   * only ever released by its session, so a live session still holds it.
   */
  boolean stillHeld() {
    if (!held) {
      return false;
    }
    boolean valid;
    try {
      valid = connection.isValid(VALIDITY_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      valid = false;
    }
    if (!valid) {
      held = false;
      closeConnection();
    }
    return valid;
  }

  /** Releases the lock (if held) and ends the session. */
  @Override
  public void close() {
    if (held && connection != null) {
      try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
        statement.setInt(1, key1);
        statement.setInt(2, key2);
        statement.execute();
      } catch (SQLException e) {
        log.debug("Releasing the subscription lock failed; closing its session releases it: {}", e.getMessage());
      }
    }
    held = false;
    closeConnection();
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        log.debug("Closing the subscription lock's connection failed: {}", e.getMessage());
      }
      connection = null;
    }
  }

  private static String abbreviate(String name) {
    return name.length() > 63 ? name.substring(0, 63) : name;
  }
}
