package dev.videotutorials.app.system;

import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.install.Installer;
import javax.sql.DataSource;

/**
 * The one place that creates the process's {@link MessageStore}, which every web app, component
 * and aggregator shares. Settings the consumers share (wake-ups on new messages) belong here too.
 */
final class MessageStoreConnection implements AutoCloseable {

  private static final int POOL_SIZE = 10;

  private final HikariDataSource pool;
  private final MessageStore store;

  private MessageStoreConnection(HikariDataSource pool) {
    this.pool = pool;
    this.store = new MessageStore(pool);
  }

  /** Connects, then installs the message store or upgrades it in place. */
  static MessageStoreConnection open(ConnectionString connectionString) {
    HikariDataSource pool = Databases.pool(connectionString, "message-store", POOL_SIZE);
    try {
      new Installer(pool).install();
      return new MessageStoreConnection(pool);
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
    pool.close();
  }
}
