package dev.videotutorials.messagestore.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the message store into an existing database, or upgrades an older install of this
 * implementation in place. Every script is idempotent, and the whole installation runs in one
 * transaction under an advisory lock, so running it twice, or from two processes at once,
 * leaves one complete install.
 */
public final class Installer {

  /** Bump when the installed objects change; {@link #install} then upgrades older installs. */
  public static final int REVISION = 1;

  public static final String MESSAGE_DB_VERSION = "1.3.0";

  private static final Logger log = LoggerFactory.getLogger(Installer.class);
  private static final long INSTALL_LOCK_KEY = 0x4D53_494E_5354_4C4CL;
  private static final List<String> SCRIPTS = List.of(
      "01-role.sql", "02-schema.sql", "03-functions.sql", "04-indexes.sql", "05-views.sql", "06-privileges.sql");

  private final DataSource dataSource;

  public Installer(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** What {@link #install} found and did. */
  public record Result(Integer previousRevision, int revision) {
    public boolean freshInstall() {
      return previousRevision == null;
    }

    public boolean changed() {
      return previousRevision == null || previousRevision != revision;
    }
  }

  public Result install() {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET LOCAL client_min_messages = warning");
          statement.execute("SELECT pg_advisory_xact_lock(" + INSTALL_LOCK_KEY + ")");
        }
        Integer previous = installedRevision(connection);
        for (String script : SCRIPTS) {
          try (Statement statement = connection.createStatement()) {
            statement.execute(read(script));
          } catch (SQLException e) {
            throw new InstallationException("Installing " + script + " failed: " + e.getMessage(), e);
          }
        }
        recordRevision(connection);
        connection.commit();
        if (previous == null) {
          log.info("Installed message store (revision {}, Message DB {} interface)", REVISION, MESSAGE_DB_VERSION);
        } else if (previous != REVISION) {
          log.info("Upgraded message store from revision {} to {}", previous, REVISION);
        }
        return new Result(previous, REVISION);
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new InstallationException("Installing the message store failed: " + e.getMessage(), e);
    }
  }

  /** The revision of this implementation installed in the database, or null if none is. */
  public Integer installedRevision() {
    try (Connection connection = dataSource.getConnection()) {
      return installedRevision(connection);
    } catch (SQLException e) {
      throw new InstallationException("Reading the installed revision failed: " + e.getMessage(), e);
    }
  }

  private static Integer installedRevision(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT to_regclass('message_store.installed_revision') IS NOT NULL")) {
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return null;
        }
      }
    }
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT revision FROM message_store.installed_revision");
         ResultSet rs = statement.executeQuery()) {
      return rs.next() ? rs.getInt(1) : null;
    }
  }

  private static void recordRevision(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("""
        INSERT INTO message_store.installed_revision (revision, message_db_version) VALUES (?, ?)
        ON CONFLICT (singleton) DO UPDATE
          SET revision = EXCLUDED.revision,
              message_db_version = EXCLUDED.message_db_version,
              installed_at = now()
          WHERE installed_revision.revision IS DISTINCT FROM EXCLUDED.revision
        """)) {
      statement.setInt(1, REVISION);
      statement.setString(2, MESSAGE_DB_VERSION);
      statement.executeUpdate();
    }
  }

  private static String read(String script) {
    String path = "/dev/videotutorials/messagestore/install/" + script;
    try (InputStream in = Installer.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing installer script " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read installer script " + path, e);
    }
  }
}
