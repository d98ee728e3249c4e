package dev.videotutorials.messagestore.embedded;

import dev.videotutorials.messagestore.ConnectionString;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
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
      Path workingDirectory = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-binaries");
      Files.createDirectories(workingDirectory);
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
