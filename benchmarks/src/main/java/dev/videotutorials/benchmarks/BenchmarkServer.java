package dev.videotutorials.benchmarks;

import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one PostgreSQL server all contenders of a benchmark run share: the server named by
 * {@code MESSAGE_STORE_CONNECTION_STRING} (its user needs CREATEDB), or an embedded PostgreSQL 17
 * with durable commits (fsync on, synchronous_commit on) in a fresh data directory.
 */
final class BenchmarkServer implements AutoCloseable {

  private final ConnectionString server;
  private final EmbeddedPostgresServer embedded;

  private BenchmarkServer(ConnectionString server, EmbeddedPostgresServer embedded) {
    this.server = server;
    this.embedded = embedded;
  }

  static BenchmarkServer start(Path embeddedDataDirectory) throws SQLException {
    String external = System.getenv("MESSAGE_STORE_CONNECTION_STRING");
    if (external != null && !external.isBlank()) {
      return new BenchmarkServer(ConnectionString.parse(external), null);
    }
    deleteRecursively(embeddedDataDirectory);
    EmbeddedPostgresServer embedded = EmbeddedPostgresServer.startPersistent(embeddedDataDirectory, 0);
    BenchmarkServer server = new BenchmarkServer(embedded.connectionString("postgres"), embedded);
    // Our own throw-away server: keep checkpoints from being forced in the middle of a run.
    // Durability settings (fsync, synchronous_commit, full_page_writes) stay as started.
    try (Connection admin = server.connect("postgres"); Statement statement = admin.createStatement()) {
      statement.execute("ALTER SYSTEM SET max_wal_size = '4GB'");
      statement.execute("ALTER SYSTEM SET checkpoint_timeout = '30min'");
      statement.execute("SELECT pg_reload_conf()");
    }
    return server;
  }

  boolean embedded() {
    return embedded != null;
  }

  ConnectionString database(String name) {
    return server.withDatabase(name);
  }

  Connection connect(String database) throws SQLException {
    return Databases.connect(database(database));
  }

  void recreateDatabase(String name) throws SQLException {
    try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + Databases.quoteIdentifier(name) + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + Databases.quoteIdentifier(name));
    }
  }

  void dropDatabase(String name) {
    try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + Databases.quoteIdentifier(name) + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("Could not drop database " + name + ": " + e.getMessage());
    }
  }

  /** Asks for a checkpoint so that runs start from similar conditions; needs a privileged user. */
  void checkpoint() {
    try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
      statement.execute("CHECKPOINT");
    } catch (SQLException e) {
      // Not allowed for this user on an external server: runs are then a little noisier.
    }
  }

  /** Server facts for the results file. */
  Map<String, String> describe() throws SQLException {
    Map<String, String> facts = new LinkedHashMap<>();
    try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
      try (ResultSet rs = statement.executeQuery("SHOW server_version")) {
        rs.next();
        facts.put("server_version", rs.getString(1));
      }
      for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes", "wal_sync_method",
          "shared_buffers", "max_wal_size", "checkpoint_timeout", "max_connections"}) {
        try (ResultSet rs = statement.executeQuery("SELECT current_setting('" + setting + "')")) {
          rs.next();
          facts.put(setting, rs.getString(1));
        }
      }
    }
    return facts;
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }

  static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + path, e);
    }
  }
}
