package dev.videotutorials.messagestore;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Connections and pools for a {@link ConnectionString}. */
public final class Databases {

  private Databases() {
  }

  public static HikariDataSource pool(ConnectionString connection, String poolName, int maximumPoolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(connection.jdbcUrl());
    if (connection.user() != null) {
      config.setUsername(connection.user());
    }
    if (connection.password() != null) {
      config.setPassword(connection.password());
    }
    config.setPoolName(poolName);
    config.setMaximumPoolSize(maximumPoolSize);
    config.setMinimumIdle(Math.min(2, maximumPoolSize));
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }

  /** A single connection outside any pool (LISTEN, administration, the CLI). */
  public static Connection connect(ConnectionString connection) throws SQLException {
    Properties properties = new Properties();
    if (connection.user() != null) {
      properties.setProperty("user", connection.user());
    }
    if (connection.password() != null) {
      properties.setProperty("password", connection.password());
    }
    properties.setProperty("connectTimeout", "10");
    return DriverManager.getConnection(connection.jdbcUrl(), properties);
  }

  /**
   * Creates the connection's database when it does not exist yet, connecting to the server's
   * {@code postgres} maintenance database to do so (Message DB's default; skip this call for its
   * {@code CREATE_DATABASE=off} case). Returns true if the database was created.
   */
  public static boolean createDatabaseIfMissing(ConnectionString connection) throws SQLException {
    String name = connection.databaseName();
    try (Connection admin = connect(connection.withDatabase("postgres"))) {
      try (PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        exists.setString(1, name);
        try (ResultSet rs = exists.executeQuery()) {
          if (rs.next()) {
            return false;
          }
        }
      }
      try (Statement create = admin.createStatement()) {
        create.execute("CREATE DATABASE " + quoteIdentifier(name));
        return true;
      } catch (SQLException e) {
        if ("42P04".equals(e.getSQLState())) {
          return false;
        }
        throw e;
      }
    }
  }

  public static String quoteIdentifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
