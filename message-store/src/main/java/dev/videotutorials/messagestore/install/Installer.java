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
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the message store into an existing database, or upgrades an older install of this
 * implementation (or a stock Message DB install) in place. Every script is idempotent, and the
 * whole installation runs in one transaction under an advisory lock, so running it twice, or
 * from two processes at once, leaves one complete install.
 */
public final class Installer {

  /** Bump when the installed objects change; {@link #install} then upgrades older installs. */
  public static final int REVISION = 2;

  public static final String MESSAGE_DB_VERSION = "1.3.0";

  /** The login role the scripts create and grant to. */
  public static final String ROLE = "message_store";

  /** Oldest server the scripts work on ({@code gen_random_uuid()} is core since 13). */
  static final int MINIMUM_SERVER_VERSION_NUM = 130000;

  private static final Logger log = LoggerFactory.getLogger(Installer.class);
  private static final long INSTALL_LOCK_KEY = 0x4D53_494E_5354_4C4CL;
  private static final String INSUFFICIENT_PRIVILEGE = "42501";
  private static final List<String> SCRIPTS = List.of(
      "01-role.sql", "02-schema.sql", "03-functions.sql", "04-indexes.sql", "05-views.sql", "06-privileges.sql");

  private final DataSource dataSource;

  public Installer(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * What {@link #install} found and did.
   *
   * @param previousRevision the revision recorded before, or null when there was none
   * @param revision the revision now installed ({@link #REVISION})
   * @param storeExisted whether {@code message_store.messages} existed before (for example a
   *     stock Message DB install, which records no revision)
   */
  public record Result(Integer previousRevision, int revision, boolean storeExisted) {
    public boolean freshInstall() {
      return !storeExisted;
    }

    /** A store without a recorded revision (Message DB's own installer) was taken over. */
    public boolean adoptedExistingStore() {
      return storeExisted && previousRevision == null;
    }

    public boolean changed() {
      return previousRevision == null || previousRevision != revision;
    }
  }

  /**
   * Installs or upgrades. Throws {@link InstallationException} with a one-line message when the
   * database cannot be reached, the server is too old, the role cannot be created, the installed
   * revision is newer than this code's, or a script fails; nothing is changed then.
   */
  public Result install() {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        Result result = installInTransaction(connection);
        connection.commit();
        logResult(result);
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        restoreAutoCommit(connection, autoCommit);
      }
    } catch (SQLException e) {
      throw new InstallationException("Installing the message store failed: " + oneLine(e), e);
    }
  }

  private Result installInTransaction(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LOCAL client_min_messages = warning");
      statement.execute("SELECT pg_advisory_xact_lock(" + INSTALL_LOCK_KEY + ")");
    }
    requireSupportedServer(connection);
    Integer previous = installedRevision(connection);
    if (previous != null && previous > REVISION) {
      throw new InstallationException("The database has message store revision " + previous
          + " installed, newer than this installer's revision " + REVISION + "; use a newer installer", null);
    }
    boolean storeExisted = relationExists(connection, "message_store.messages");
    String user = requireRoleOrRightToCreateIt(connection);
    for (String script : SCRIPTS) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(read(script));
      } catch (SQLException e) {
        if (script.equals(SCRIPTS.get(0)) && INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
          throw new InstallationException(cannotCreateRole(user), e);
        }
        throw new InstallationException("Installing " + script + " failed: " + oneLine(e), e);
      }
    }
    recordRevision(connection);
    return new Result(previous, REVISION, storeExisted);
  }

  /** The revision of this implementation installed in the database, or null if none is. */
  public Integer installedRevision() {
    try (Connection connection = dataSource.getConnection()) {
      return installedRevision(connection);
    } catch (SQLException e) {
      throw new InstallationException("Reading the installed revision failed: " + oneLine(e), e);
    }
  }

  private static Integer installedRevision(Connection connection) throws SQLException {
    if (!relationExists(connection, "message_store.installed_revision")) {
      return null;
    }
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT revision FROM message_store.installed_revision");
         ResultSet rs = statement.executeQuery()) {
      return rs.next() ? rs.getInt(1) : null;
    }
  }

  private static boolean relationExists(Connection connection, String name) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      statement.setString(1, name);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private static void requireSupportedServer(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery(
             "SELECT current_setting('server_version_num')::int, current_setting('server_version')")) {
      rs.next();
      if (rs.getInt(1) < MINIMUM_SERVER_VERSION_NUM) {
        throw new InstallationException(
            "PostgreSQL 13 or newer is required; the server runs PostgreSQL " + rs.getString(2), null);
      }
    }
  }

  /**
   * Fails early, with advice, when the role is missing and the installing user may not create
   * it. Returns the installing user's name.
   */
  private static String requireRoleOrRightToCreateIt(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("""
        SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?),
               (SELECT rolsuper OR rolcreaterole FROM pg_catalog.pg_roles WHERE rolname = current_user),
               current_user
        """)) {
      statement.setString(1, ROLE);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1) && !rs.getBoolean(2)) {
          throw new InstallationException(cannotCreateRole(rs.getString(3)), null);
        }
        return rs.getString(3);
      }
    }
  }

  private static String cannotCreateRole(String user) {
    return "The role \"" + ROLE + "\" does not exist and user \"" + user + "\" may not create it"
        + " (needs CREATEROLE or superuser): have an administrator run"
        + " CREATE ROLE " + ROLE + " WITH LOGIN; then install again";
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

  private static void logResult(Result result) {
    if (result.freshInstall()) {
      log.info("Installed message store (revision {}, Message DB {} interface)", REVISION, MESSAGE_DB_VERSION);
    } else if (result.adoptedExistingStore()) {
      log.info("Installed revision {} over an existing message store that had no revision recorded", REVISION);
    } else if (result.changed()) {
      log.info("Upgraded message store from revision {} to {}", result.previousRevision(), REVISION);
    }
  }

  private static void rollbackQuietly(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
    try {
      if (!connection.isClosed()) {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      log.debug("Could not restore auto-commit", e);
    }
  }

  /** The server's own message when there is one (without the driver's "ERROR:" and context lines). */
  static String oneLine(SQLException e) {
    String text = null;
    if (e instanceof PSQLException p) {
      ServerErrorMessage server = p.getServerErrorMessage();
      if (server != null) {
        text = server.getMessage();
      }
    }
    if (text == null) {
      text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    return text.replaceAll("\\s*\\R\\s*", " ").trim();
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
