package dev.videotutorials.messagestore.cli;

import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One JDBC connection to the database a command works on. */
final class StoreConnection implements AutoCloseable {

  /** Seconds to wait for an unreachable server before giving up. */
  static final int CONNECT_TIMEOUT_SECONDS = 5;

  private final ConnectionString target;
  private final Connection connection;

  private StoreConnection(ConnectionString target, Connection connection) {
    this.target = target;
    this.connection = connection;
  }

  static StoreConnection open(ConnectionString target) {
    try {
      return new StoreConnection(target, Databases.connect(target, CONNECT_TIMEOUT_SECONDS));
    } catch (SQLException e) {
      throw new CliException(ErrorMessages.describe(e, target), e);
    }
  }

  /** Opens a connection to a database that must hold a message store; fails with advice otherwise. */
  static StoreConnection openStore(ConnectionString target) {
    StoreConnection store = open(target);
    try (Statement statement = store.connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT to_regclass('message_store.messages') IS NOT NULL")) {
      rs.next();
      if (!rs.getBoolean(1)) {
        throw new CliException(ErrorMessages.notInstalled(target));
      }
      return store;
    } catch (SQLException | RuntimeException e) {
      store.closeQuietly();
      if (e instanceof SQLException sql) {
        throw new CliException(ErrorMessages.describe(sql, target), sql);
      }
      throw (RuntimeException) e;
    }
  }

  Connection jdbc() {
    return connection;
  }

  ConnectionString target() {
    return target;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }

  private void closeQuietly() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // the original failure matters more
    }
  }
}
