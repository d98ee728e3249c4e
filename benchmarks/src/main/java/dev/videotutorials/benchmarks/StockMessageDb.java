package dev.videotutorials.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stock Message DB, fetched at run time from its npm package (nothing of it is kept in this
 * repository) and installed over JDBC by executing the package's {@code database/} SQL files in
 * the order its install scripts run them.
 */
final class StockMessageDb {

  static final String DEFAULT_PACKAGE = "@eventide/message-db@1.3.1";

  private static final Pattern SQL_REFERENCE = Pattern.compile("\\$base/([\\w./-]+\\.sql)");
  private static final Pattern SOURCE_SCRIPT = Pattern.compile("^\\s*source\\s+\\$base/([\\w./-]+\\.sh)\\s*$");
  private static final Pattern FUNCTION_START = Pattern.compile("^\\s*function\\s+([\\w-]+)\\s*\\{\\s*$");

  private StockMessageDb() {
  }

  /** The package's {@code database/} directory, fetched with {@code npm pack} into {@code workDirectory}. */
  static Path fetch(String packageSpec, Path workDirectory) throws IOException, InterruptedException {
    workDirectory = workDirectory.toAbsolutePath();
    BenchmarkServer.deleteRecursively(workDirectory);
    Files.createDirectories(workDirectory);
    Path log = workDirectory.resolve("npm-pack.log");
    run(workDirectory, log, 180, "npm", "pack", "--silent", packageSpec, "--pack-destination", workDirectory.toString());
    Path tgz;
    try (var files = Files.list(workDirectory)) {
      tgz = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
          .orElseThrow(() -> new IOException("npm pack produced no .tgz (see " + log + ")"));
    }
    run(workDirectory, log, 60, "tar", "-xzf", tgz.toString(), "-C", workDirectory.toString());
    Path database = workDirectory.resolve("package").resolve("database");
    if (!Files.isRegularFile(database.resolve("install.sh"))) {
      throw new IOException("The package has no database/install.sh: " + database);
    }
    return database;
  }

  /**
   * The SQL files in the order {@code install.sh} runs them: its top-level calls of its own
   * shell functions (each naming the SQL files it feeds to psql) and the scripts it sources.
   */
  static List<Path> installOrder(Path database) throws IOException {
    List<Path> order = new ArrayList<>();
    collect(database, "install.sh", order);
    return order;
  }

  private static void collect(Path database, String script, List<Path> order) throws IOException {
    List<String> lines = Files.readAllLines(database.resolve(script), StandardCharsets.UTF_8);
    Map<String, List<String>> functions = new HashMap<>();
    String currentFunction = null;
    for (String line : lines) {
      if (currentFunction != null) {
        if (line.startsWith("}")) {
          currentFunction = null;
        } else {
          Matcher sql = SQL_REFERENCE.matcher(line);
          while (sql.find()) {
            functions.get(currentFunction).add(sql.group(1));
          }
        }
        continue;
      }
      Matcher start = FUNCTION_START.matcher(line);
      if (start.matches()) {
        currentFunction = start.group(1);
        functions.put(currentFunction, new ArrayList<>());
        continue;
      }
      String trimmed = line.trim();
      if (functions.containsKey(trimmed)) {
        for (String file : functions.get(trimmed)) {
          order.add(database.resolve(file));
        }
        continue;
      }
      Matcher source = SOURCE_SCRIPT.matcher(line);
      if (source.matches()) {
        collect(database, source.group(1), order);
      }
    }
  }

  /**
   * Installs into the (existing, empty) database behind {@code connection}. Returns notes about
   * anything that deviated from a psql install.
   */
  static List<String> install(Connection connection, Path database) throws IOException, SQLException {
    List<String> notes = new ArrayList<>();
    List<Path> files = installOrder(database);
    if (files.isEmpty()) {
      throw new IOException("Found no SQL files in " + database.resolve("install.sh"));
    }
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET client_min_messages = warning");
      statement.execute("SET search_path = message_store, public");
      for (Path file : files) {
        String sql = Files.readString(file, StandardCharsets.UTF_8);
        try {
          statement.execute(sql);
        } catch (SQLException e) {
          if (file.getFileName().toString().equals("pgcrypto.sql")) {
            // gen_random_uuid() is built into PostgreSQL 13+, which is all pgcrypto provided.
            notes.add("pgcrypto not installable here (" + e.getMessage().lines().findFirst().orElse("") + "); core gen_random_uuid() used");
            continue;
          }
          throw new SQLException("Installing stock Message DB failed at " + database.relativize(file) + ": " + e.getMessage(), e);
        }
      }
      try (ResultSet rs = statement.executeQuery("SELECT message_store.message_store_version()")) {
        rs.next();
        notes.add(0, "message_store_version() = " + rs.getString(1) + "; " + files.size() + " SQL files installed in install.sh order");
      }
    }
    return notes;
  }

  private static void run(Path directory, Path log, int timeoutSeconds, String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " timed out after " + timeoutSeconds + " s");
    }
    if (process.exitValue() != 0) {
      String output = Files.exists(log) ? Files.readString(log) : "";
      throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + output.strip());
    }
  }
}
