package dev.videotutorials.messagestore.testing;

import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.embedded.EmbeddedPostgresServer;
import dev.videotutorials.messagestore.install.Installer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh database on a real PostgreSQL server for one test class. The server is the one named
 * by {@code MESSAGE_STORE_CONNECTION_STRING} when it is set (its user needs CREATEDB, and
 * CREATEROLE unless the role message_store exists), otherwise an embedded PostgreSQL 17 started
 * once per test JVM.
 */
public final class TestDatabase implements AutoCloseable {

  private static ConnectionString server;

  private final ConnectionString connectionString;
  private final HikariDataSource dataSource;

  private TestDatabase(ConnectionString connectionString, boolean installMessageStore) {
    this.connectionString = connectionString;
    this.dataSource = Databases.pool(connectionString, "test-" + connectionString.databaseName(), 20);
    if (installMessageStore) {
      new Installer(dataSource).install();
    }
  }

  /** A new database with the message store installed. */
  public static TestDatabase withMessageStore() {
    return new TestDatabase(newDatabase(), true);
  }

  /** A new, empty database. */
  public static TestDatabase empty() {
    return new TestDatabase(newDatabase(), false);
  }

  public HikariDataSource dataSource() {
    return dataSource;
  }

  public ConnectionString connectionString() {
    return connectionString;
  }

  /** The connection string as a {@code postgresql://} URL, as users configure it. */
  public String url() {
    String jdbc = connectionString.jdbcUrl().substring("jdbc:".length());
    String credentials = connectionString.user() == null ? "" : connectionString.user()
        + (connectionString.password() == null ? "" : ":" + connectionString.password()) + "@";
    return jdbc.replaceFirst("//", "//" + credentials);
  }

  /** The server's maintenance database, for tests that create databases or roles themselves. */
  public static ConnectionString serverAdmin() {
    return server().withDatabase("postgres");
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static ConnectionString newDatabase() {
    String name = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    try (Connection admin = Databases.connect(serverAdmin()); Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database: " + e.getMessage(), e);
    }
    return server().withDatabase(name);
  }

  private static synchronized ConnectionString server() {
    if (server == null) {
      String external = System.getenv("MESSAGE_STORE_CONNECTION_STRING");
      if (external != null && !external.isBlank()) {
        server = ConnectionString.parse(external);
      } else {
        Path dataDirectory = Path.of("target", "embedded-postgres", "data-" + ProcessHandle.current().pid()).toAbsolutePath();
        EmbeddedPostgresServer embedded = EmbeddedPostgresServer.startEphemeral(dataDirectory);
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        server = embedded.connectionString("postgres");
      }
    }
    return server;
  }

  /** Stops and starts nothing: exposes whether the tests run on the embedded server. */
  public static boolean embedded() {
    String external = System.getenv("MESSAGE_STORE_CONNECTION_STRING");
    return external == null || external.isBlank();
  }
}
