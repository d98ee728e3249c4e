package dev.videotutorials.messagestore.cli;

import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.install.InstallationException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns failures into the single line the tool prints on stderr. */
final class ErrorMessages {

  private ErrorMessages() {
  }

  /** For failures that reach picocli's execution handler. */
  static String describe(Throwable e) {
    if (e instanceof CliException || e instanceof InstallationException || e instanceof IllegalArgumentException) {
      return oneLine(e.getMessage());
    }
    if (e instanceof SQLException sql) {
      return describe(sql, null);
    }
    return oneLine("unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
  }

  /** A database failure, phrased for the connection string it happened on (may be null). */
  static String describe(SQLException e, ConnectionString target) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String where = target == null ? "the server" : target.serverAddress();
    String database = target == null ? "" : target.databaseName();
    switch (state) {
      case "28P01", "28000", "08004":
        return "Authentication failed at " + where + ": " + serverText(e);
      case "3D000":
        return "Database \"" + database + "\" does not exist on " + where;
      case "42501":
        return "Permission denied: " + serverText(e);
      case "3F000", "42P01", "42883":
        return target == null ? serverText(e) : notInstalled(target) + ": " + serverText(e);
      default:
        if (state.startsWith("08")) {
          return "Cannot connect to PostgreSQL at " + where + ": " + connectionReason(e);
        }
        return serverText(e);
    }
  }

  static String notInstalled(ConnectionString target) {
    return "The message store is not installed in database \"" + target.databaseName() + "\" on "
        + target.serverAddress() + " (run: " + Cli.NAME + " install)";
  }

  private static String connectionReason(SQLException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        return "connection refused (is the server running and accepting TCP connections there?)";
      }
      if (cause instanceof SocketTimeoutException) {
        return "no answer within " + StoreConnection.CONNECT_TIMEOUT_SECONDS + " seconds";
      }
      if (cause instanceof UnknownHostException) {
        return "unknown host";
      }
      if (cause instanceof NoRouteToHostException) {
        return "no route to host";
      }
    }
    return serverText(e);
  }

  /** The server's bare message when there is one, else the driver's first line. */
  static String serverText(SQLException e) {
    if (e instanceof PSQLException p) {
      ServerErrorMessage server = p.getServerErrorMessage();
      if (server != null && server.getMessage() != null) {
        return oneLine(server.getMessage());
      }
    }
    return oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
