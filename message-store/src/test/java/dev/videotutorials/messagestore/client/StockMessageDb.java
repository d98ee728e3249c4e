package dev.videotutorials.messagestore.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Eventide's own Message DB, fetched at test time from npm into {@code target/} (never kept in
 * the repository) and installed by running its SQL files over JDBC in the order its install
 * scripts use.
 */
final class StockMessageDb {

  static final String PACKAGE = "@eventide/message-db@1.3.1";

  private static final Path DIRECTORY = Path.of("target", "stock-message-db").toAbsolutePath();
  private static final long NPM_TIMEOUT_SECONDS = 60;

  /** The SQL files under {@code database/}, in the order of install.sh and the scripts it sources. */
  private static final List<String> INSTALL_ORDER = List.of(
      "roles/message-store.sql",
      "schema/message-store.sql",
      "extensions/pgcrypto.sql",
      "tables/messages.sql",
      "types/message.sql",
      "functions/message-store-version.sql",
      "functions/hash-64.sql",
      "functions/acquire-lock.sql",
      "functions/category.sql",
      "functions/is-category.sql",
      "functions/id.sql",
      "functions/cardinal-id.sql",
      "functions/stream-version.sql",
      "functions/write-message.sql",
      "functions/get-stream-messages.sql",
      "functions/get-category-messages.sql",
      "functions/get-last-stream-message.sql",
      "indexes/messages-id.sql",
      "indexes/messages-stream.sql",
      "indexes/messages-category.sql",
      "views/stream-summary.sql",
      "views/type-summary.sql",
      "views/stream-type-summary.sql",
      "views/type-stream-summary.sql",
      "views/category-type-summary.sql",
      "views/type-category-summary.sql",
      "privileges/schema.sql",
      "privileges/table.sql",
      "privileges/sequence.sql",
      "privileges/functions.sql",
      "privileges/views.sql");

  private StockMessageDb() {
  }

  /** Why the package is not available, or null once its {@code database/} directory is unpacked. */
  static synchronized String fetch() {
    if (Files.isRegularFile(databaseDirectory().resolve("VERSION.txt"))) {
      return null;
    }
    try {
      Files.createDirectories(DIRECTORY);
      Path log = DIRECTORY.resolve("npm-pack.log");
      Process pack = new ProcessBuilder("npm", "pack", PACKAGE, "--pack-destination", DIRECTORY.toString())
          .directory(DIRECTORY.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      if (!pack.waitFor(NPM_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        pack.destroyForcibly();
        return "npm pack " + PACKAGE + " did not finish within " + NPM_TIMEOUT_SECONDS + " s";
      }
      if (pack.exitValue() != 0) {
        return "npm pack " + PACKAGE + " failed: " + Files.readString(log).strip();
      }
      Path tarball = DIRECTORY.resolve("eventide-message-db-1.3.1.tgz");
      Process unpack = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", DIRECTORY.toString())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      if (!unpack.waitFor(NPM_TIMEOUT_SECONDS, TimeUnit.SECONDS) || unpack.exitValue() != 0) {
        unpack.destroyForcibly();
        return "Cannot unpack " + tarball + ": " + Files.readString(log).strip();
      }
      return Files.isRegularFile(databaseDirectory().resolve("VERSION.txt"))
          ? null : "The package " + PACKAGE + " has no database/VERSION.txt";
    } catch (IOException e) {
      return "Cannot run npm: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "Interrupted while running npm";
    }
  }

  /** Installs the stock store into the (empty) database of {@code admin}, an administrator's pool. */
  static void install(DataSource admin) throws SQLException, IOException {
    try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SET client_min_messages = warning");
      statement.execute("SET search_path = message_store, public");
      for (String file : INSTALL_ORDER) {
        String sql = Files.readString(databaseDirectory().resolve(file), StandardCharsets.UTF_8);
        try {
          statement.execute(sql);
        } catch (SQLException e) {
          if (!mayFailHarmlessly(file, statement)) {
            throw new SQLException("Installing " + file + " of " + PACKAGE + " failed: " + e.getMessage(), e);
          }
        }
      }
    }
  }

  /**
   * The role exists once per server (another test database may have created it), and
   * gen_random_uuid(), the only thing pgcrypto was installed for, is built into PostgreSQL 13+.
   */
  private static boolean mayFailHarmlessly(String file, Statement statement) throws SQLException {
    String check = switch (file) {
      case "roles/message-store.sql" -> "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'message_store'";
      case "extensions/pgcrypto.sql" -> "SELECT 1 FROM pg_catalog.pg_proc WHERE proname = 'gen_random_uuid'";
      default -> null;
    };
    if (check == null) {
      return false;
    }
    try (ResultSet rs = statement.executeQuery(check)) {
      return rs.next();
    }
  }

  private static Path databaseDirectory() {
    return DIRECTORY.resolve("package").resolve("database");
  }
}
