package dev.videotutorials.benchmarks.consumers;

import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.embedded.EmbeddedPostgresServer;
import dev.videotutorials.messagestore.install.Installer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The PostgreSQL server the benchmark runs on: the one named by
 * {@code MESSAGE_STORE_CONNECTION_STRING}, or an embedded, durable (fsync on) one with a fresh
 * data directory. Every scenario gets a database of its own, dropped at the end.
 */
final class BenchmarkServer implements AutoCloseable {

  private final EmbeddedPostgresServer embedded;
  private final Path dataDirectory;
  private final ConnectionString maintenance;
  private final List<String> databases = new ArrayList<>();

  private BenchmarkServer(EmbeddedPostgresServer embedded, Path dataDirectory, ConnectionString maintenance) {
    this.embedded = embedded;
    this.dataDirectory = dataDirectory;
    this.maintenance = maintenance;
  }

  static BenchmarkServer start(Path dataRoot) {
    String external = System.getenv("MESSAGE_STORE_CONNECTION_STRING");
    if (external != null && !external.isBlank()) {
      return new BenchmarkServer(null, null, ConnectionString.parse(external).withDatabase("postgres"));
    }
    Path data = dataRoot.resolve("data-" + System.currentTimeMillis());
    EmbeddedPostgresServer server = EmbeddedPostgresServer.startPersistent(data, freePort());
    return new BenchmarkServer(server, data, server.connectionString("postgres"));
  }

  boolean embedded() {
    return embedded != null;
  }

  /** A new database with the message store installed. */
  ConnectionString freshStore(String name) throws SQLException {
    String database = "consumer_bench_" + name + "_" + Long.toString(System.nanoTime() % 1_000_000, 36);
    try (Connection admin = Databases.connect(maintenance); Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + Databases.quoteIdentifier(database));
    }
    databases.add(database);
    ConnectionString store = maintenance.withDatabase(database);
    try (HikariDataSource pool = Databases.pool(store, "install", 1)) {
      new Installer(pool).install();
    }
    return store;
  }

  /** One line on the server: version and durability settings. */
  String describe() throws SQLException {
    try (Connection connection = Databases.connect(maintenance); Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery(
             "SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit')")) {
      rs.next();
      return (embedded() ? "embedded" : "external") + " PostgreSQL " + rs.getString(1)
          + " (fsync " + rs.getString(2) + ", synchronous_commit " + rs.getString(3) + ")";
    }
  }

  @Override
  public void close() {
    try (Connection admin = Databases.connect(maintenance); Statement statement = admin.createStatement()) {
      for (String database : databases) {
        statement.execute("DROP DATABASE IF EXISTS " + Databases.quoteIdentifier(database) + " WITH (FORCE)");
      }
    } catch (SQLException e) {
      System.err.println("Could not drop the benchmark databases: " + e.getMessage());
    }
    if (embedded != null) {
      embedded.close();
      deleteRecursively(dataDirectory);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("Could not delete " + directory + ": " + e.getMessage());
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
