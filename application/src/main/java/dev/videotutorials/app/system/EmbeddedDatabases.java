package dev.videotutorials.app.system;

import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.embedded.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server of the default run: its data lives in {@code <data directory>/postgres}
 * and survives restarts; it holds the databases {@value #MESSAGE_STORE_DATABASE} and
 * {@value #VIEW_DATABASE}.
 */
final class EmbeddedDatabases implements AutoCloseable {

  static final String MESSAGE_STORE_DATABASE = "message_store";
  static final String VIEW_DATABASE = "video_tutorials";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabases.class);

  private final EmbeddedPostgresServer server;

  private EmbeddedDatabases(EmbeddedPostgresServer server) {
    this.server = server;
  }

  static EmbeddedDatabases start(Path dataDirectory, int port) {
    Path postgresData = dataDirectory.resolve("postgres");
    EmbeddedPostgresServer server;
    try {
      server = EmbeddedPostgresServer.startPersistent(postgresData, port);
    } catch (RuntimeException e) {
      throw new StartupException("Cannot start the embedded PostgreSQL in " + postgresData
          + " (is another instance using this data directory?): " + rootMessage(e), e);
    }
    EmbeddedDatabases databases = new EmbeddedDatabases(server);
    try {
      databases.createIfMissing(MESSAGE_STORE_DATABASE);
      databases.createIfMissing(VIEW_DATABASE);
    } catch (RuntimeException e) {
      databases.close();
      throw e;
    }
    log.info("Embedded PostgreSQL is running on port {} with its data in {}", server.port(), postgresData);
    return databases;
  }

  ConnectionString messageStore() {
    return server.connectionString(MESSAGE_STORE_DATABASE);
  }

  ConnectionString viewDatabase() {
    return server.connectionString(VIEW_DATABASE);
  }

  int port() {
    return server.port();
  }

  private void createIfMissing(String database) {
    try {
      if (Databases.createDatabaseIfMissing(server.connectionString(database))) {
        log.info("Created database {}", database);
      }
    } catch (SQLException e) {
      throw new StartupException("Cannot create database " + database + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    server.close();
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
