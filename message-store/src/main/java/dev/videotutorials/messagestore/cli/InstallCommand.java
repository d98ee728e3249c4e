package dev.videotutorials.messagestore.cli;

import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.install.InstallationException;
import dev.videotutorials.messagestore.install.Installer;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "install",
    description = "Creates the database if it is missing, then installs the message store (role message_store,"
        + " schema, table, functions, indexes, views, grants) or upgrades an older install in place. Safe to repeat.")
final class InstallCommand implements Callable<Integer> {

  private final CliContext context;

  @Mixin
  private ConnectionOptions connection;

  @Mixin
  private HelpOption help;

  @Option(names = "--no-create-database",
      description = "Install into an existing database only; fail if it does not exist.")
  private boolean noCreateDatabase;

  InstallCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    ConnectionString target = connection.resolve(context.env());
    PrintStream out = context.out();
    String database = "database \"" + target.databaseName() + "\" on " + target.serverAddress();
    if (!noCreateDatabase) {
      out.println(createDatabase(target) ? "Created " + database : "Using existing " + database);
    }
    Installer.Result result;
    try {
      result = new Installer(Databases.unpooled(target, StoreConnection.CONNECT_TIMEOUT_SECONDS)).install();
    } catch (InstallationException e) {
      throw translate(e, target);
    }
    out.println(describe(result));
    return 0;
  }

  private static boolean createDatabase(ConnectionString target) {
    try {
      return Databases.createDatabaseIfMissing(target, StoreConnection.CONNECT_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      String message = ErrorMessages.describe(e, target);
      throw new CliException(connectionProblem(e) ? message : "Cannot create the database: " + message, e);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  /** Connection problems read better phrased for the target; script failures keep the installer's text. */
  private CliException translate(InstallationException e, ConnectionString target) {
    if (e.getCause() instanceof SQLException sql && (connectionProblem(sql) || "3D000".equals(sql.getSQLState()))) {
      String message = ErrorMessages.describe(sql, target);
      if (noCreateDatabase && sql.getSQLState().equals("3D000")) {
        message += " (create it first, or run install without --no-create-database)";
      }
      return new CliException(message, e);
    }
    return new CliException(e.getMessage(), e);
  }

  /** The server was not reached, or did not let us in. */
  private static boolean connectionProblem(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || state.startsWith("28"));
  }

  private static String describe(Installer.Result result) {
    String installed = "revision " + result.revision() + ", Message DB " + Installer.MESSAGE_DB_VERSION + " interface";
    if (result.freshInstall()) {
      return "Installed the message store (" + installed + ")";
    }
    if (result.adoptedExistingStore()) {
      return "Found a message store with no recorded revision; installed " + installed + " over it, messages kept";
    }
    if (result.changed()) {
      return "Upgraded the message store from revision " + result.previousRevision() + " to " + installed + ", messages kept";
    }
    return "The message store is already installed (" + installed + "); checked every object, nothing to upgrade";
  }
}
