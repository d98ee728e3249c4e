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
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Connections and pools for a {@link ConnectionString}. */
public final class Databases {

  /** Connect timeout of {@link #connect(ConnectionString)}, in seconds. */
  public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

  private static final String UNDEFINED_DATABASE = "3D000";
  private static final String DUPLICATE_DATABASE = "42P04";
  private static final String UNIQUE_VIOLATION = "23505";

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
    return connect(connection, DEFAULT_CONNECT_TIMEOUT_SECONDS);
  }

  /**
   * A single connection that gives up after {@code timeoutSeconds} when the server does not
   * answer (unreachable host) or does not finish the login.
   */
  public static Connection connect(ConnectionString connection, int timeoutSeconds) throws SQLException {
    Properties properties = new Properties();
    if (connection.user() != null) {
      properties.setProperty("user", connection.user());
    }
    if (connection.password() != null) {
      properties.setProperty("password", connection.password());
    }
    properties.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
    properties.setProperty("loginTimeout", Integer.toString(timeoutSeconds * 2));
    return DriverManager.getConnection(connection.jdbcUrl(), properties);
  }

  /** An unpooled data source: every {@code getConnection()} opens a new connection. */
  public static DataSource unpooled(ConnectionString connection, int timeoutSeconds) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(connection.jdbcUrl());
    if (connection.user() != null) {
      dataSource.setUser(connection.user());
    }
    if (connection.password() != null) {
      dataSource.setPassword(connection.password());
    }
    dataSource.setConnectTimeout(timeoutSeconds);
    dataSource.setLoginTimeout(timeoutSeconds * 2);
    return dataSource;
  }

  /** See {@link #createDatabaseIfMissing(ConnectionString, int)}. */
  public static boolean createDatabaseIfMissing(ConnectionString connection) throws SQLException {
    return createDatabaseIfMissing(connection, DEFAULT_CONNECT_TIMEOUT_SECONDS);
  }

  /**
   * Creates the connection's database when it does not exist yet (Message DB's default; skip
   * this call for its {@code CREATE_DATABASE=off} case). It first connects to the database
   * itself, so a user without access to the maintenance database can still install into an
   * existing one; only when the database is missing does it connect to the server's
   * {@code postgres} database to create it. Returns true if this call created the database.
   */
  public static boolean createDatabaseIfMissing(ConnectionString connection, int timeoutSeconds) throws SQLException {
    String name = connection.databaseName();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("The connection string names no database: " + connection);
    }
    try (Connection existing = connect(connection, timeoutSeconds)) {
      return false;
    } catch (SQLException e) {
      if (!UNDEFINED_DATABASE.equals(e.getSQLState())) {
        throw e;
      }
    }
    try (Connection admin = connect(connection.withDatabase("postgres"), timeoutSeconds)) {
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
        // Another process created it between our check and our CREATE.
        if (DUPLICATE_DATABASE.equals(e.getSQLState()) || UNIQUE_VIOLATION.equals(e.getSQLState())) {
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
