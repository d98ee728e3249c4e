package dev.videotutorials.messagestore.consumer.wakeup;

import dev.videotutorials.messagestore.ConnectionString;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections of the wake-up channel. They live outside every pool: a LISTEN is bound to its
 * session, and a pool would hand the session to someone else.
 */
final class DedicatedConnections {

  private static final String CONNECT_TIMEOUT_SECONDS = "5";
  /** Bounds every wait on the server, so that a vanished server cannot hang a channel thread. */
  private static final String SOCKET_TIMEOUT_SECONDS = "10";

  private DedicatedConnections() {
  }

  static Connection open(ConnectionString connectionString, String applicationName) throws SQLException {
    Properties properties = new Properties();
    if (connectionString.user() != null) {
      properties.setProperty("user", connectionString.user());
    }
    if (connectionString.password() != null) {
      properties.setProperty("password", connectionString.password());
    }
    properties.setProperty("ApplicationName", applicationName);
    properties.setProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
    properties.setProperty("socketTimeout", SOCKET_TIMEOUT_SECONDS);
    properties.setProperty("tcpKeepAlive", "true");
    Connection connection = DriverManager.getConnection(connectionString.jdbcUrl(), properties);
    connection.setAutoCommit(true);
    return connection;
  }

  static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException | RuntimeException ignored) {
      // The connection is being thrown away because it failed; its close may fail too.
    }
  }
}
