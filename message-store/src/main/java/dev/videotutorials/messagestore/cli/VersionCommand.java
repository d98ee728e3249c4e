package dev.videotutorials.messagestore.cli;

import dev.videotutorials.messagestore.install.Installer;
import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import picocli.CommandLine.Command;

@Command(
    name = "version",
    description = "Prints message_store_version() of the database and the installed revision of this implementation.")
final class VersionCommand extends StoreCommand {

  VersionCommand(CliContext context) {
    super(context);
  }

  @Override
  void run(StoreConnection store, PrintStream out) throws SQLException {
    try (Statement statement = store.jdbc().createStatement()) {
      try (ResultSet rs = statement.executeQuery("SELECT message_store.message_store_version()")) {
        rs.next();
        out.println("message_store_version: " + rs.getString(1));
      }
      out.println("installed revision: " + installedRevision(statement));
      out.println("revision of this tool: " + Installer.REVISION);
    }
  }

  private static String installedRevision(Statement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery(
        "SELECT to_regclass('message_store.installed_revision') IS NOT NULL")) {
      rs.next();
      if (!rs.getBoolean(1)) {
        return "none (installed by another tool; run install to upgrade)";
      }
    }
    try (ResultSet rs = statement.executeQuery(
        "SELECT revision, installed_at FROM message_store.installed_revision")) {
      return rs.next() ? rs.getInt(1) + " (installed at " + rs.getString(2) + ")" : "none";
    }
  }
}
