package dev.videotutorials.app.system;

import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.consumer.wakeup.WakeUpChannel;
import dev.videotutorials.messagestore.install.Installer;
import javax.sql.DataSource;

/**
 * The one place that creates the process's {@link MessageStore}, which every web app, component
 * and aggregator shares. Its writes are announced after they commit, and the consumers built on
 * it wake up on every process's announcements (LISTEN), so they handle new messages within
 * milliseconds; they still poll in case a writer does not announce.
 */
final class MessageStoreConnection implements AutoCloseable {

  private static final int POOL_SIZE = 10;

  private final HikariDataSource pool;
  private final WakeUpChannel wakeUps;
  private final MessageStore store;

  private MessageStoreConnection(HikariDataSource pool, WakeUpChannel wakeUps) {
    this.pool = pool;
    this.wakeUps = wakeUps;
    this.store = wakeUps.notifying(new MessageStore(pool));
  }

  /** Connects, then installs the message store or upgrades it in place. */
  static MessageStoreConnection open(ConnectionString connectionString) {
    HikariDataSource pool = Databases.pool(connectionString, "message-store", POOL_SIZE);
    try {
      new Installer(pool).install();
      return new MessageStoreConnection(pool, WakeUpChannel.start(connectionString));
    } catch (RuntimeException e) {
      pool.close();
      throw new StartupException("Cannot install the message store in " + connectionString + ": "
          + EmbeddedDatabases.rootMessage(e), e);
    }
  }

  MessageStore store() {
    return store;
  }

  DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    wakeUps.close();
    pool.close();
  }
}
