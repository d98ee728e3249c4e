package dev.videotutorials.messagestore.embedded;

import dev.videotutorials.messagestore.ConnectionString;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL 17 server started by the process itself, for the default run, the CLI and
 * the tests when no external server is configured.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts a server whose data lives in {@code dataDirectory} and survives restarts. Commits
   * are durable (synchronous_commit on, fsync on).
   */
  public static EmbeddedPostgresServer startPersistent(Path dataDirectory, int port) {
    return start(dataDirectory, false, port, true);
  }

  /** Starts a throw-away server for tests: data is wiped at start, commits are not synced. */
  public static EmbeddedPostgresServer startEphemeral(Path dataDirectory) {
    return start(dataDirectory, true, 0, false);
  }

  private static EmbeddedPostgresServer start(Path dataDirectory, boolean clean, int port, boolean durable) {
    try {
      Files.createDirectories(dataDirectory);
      // Shared by every server under the same parent, so the binaries are unpacked once.
      Path workingDirectory = dataDirectory.toAbsolutePath().getParent().resolve("binaries");
      Files.createDirectories(workingDirectory);
      if (port > 0) {
        requireFree(port);
      }
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory.toFile())
          .setCleanDataDirectory(clean)
          .setOverrideWorkingDirectory(workingDirectory.toFile())
          .setServerConfig("max_connections", "200")
          .setServerConfig("synchronous_commit", durable ? "on" : "off")
          .setServerConfig("fsync", durable ? "on" : "off")
          .setServerConfig("full_page_writes", durable ? "on" : "off");
      if (port > 0) {
        builder.setPort(port);
      }
      return new EmbeddedPostgresServer(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Starting the embedded PostgreSQL server failed: " + e.getMessage(), e);
    }
  }

  /**
   * The embedded server only checks that something answers on its port, so a server already
   * listening there would silently be used instead.
   */
  private static void requireFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new IllegalStateException("Port " + port + " is already in use: cannot start the embedded PostgreSQL server there");
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /** The superuser connection to {@code database} on this server. */
  public ConnectionString connectionString(String database) {
    return new ConnectionString("jdbc:postgresql://localhost:" + port() + "/" + database, "postgres", null);
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
