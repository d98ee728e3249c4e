package dev.videotutorials.app.system;

import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import javax.sql.DataSource;

/** The pool of the view database, migrated before anyone uses it. */
final class ViewDatabaseConnection implements AutoCloseable {

  private static final int POOL_SIZE = 10;

  private final HikariDataSource pool;

  private ViewDatabaseConnection(HikariDataSource pool) {
    this.pool = pool;
  }

  static ViewDatabaseConnection open(ConnectionString connectionString) {
    HikariDataSource pool = Databases.pool(connectionString, "view-database", POOL_SIZE);
    try {
      ViewDatabaseMigration.migrate(pool);
      return new ViewDatabaseConnection(pool);
    } catch (RuntimeException e) {
      pool.close();
      throw new StartupException("Cannot migrate the view database " + connectionString + ": "
          + EmbeddedDatabases.rootMessage(e), e);
    }
  }

  DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    pool.close();
  }
}
