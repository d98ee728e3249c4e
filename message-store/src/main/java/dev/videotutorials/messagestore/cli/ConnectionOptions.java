package dev.videotutorials.messagestore.cli;

import dev.videotutorials.messagestore.ConnectionString;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --url} option every command shares, falling back to the environment variable. */
final class ConnectionOptions {

  static final String ENVIRONMENT_VARIABLE = "MESSAGE_STORE_CONNECTION_STRING";

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "Connection string, postgresql://user:password@host:port/database or a jdbc:postgresql: URL"
          + " (default: $" + ENVIRONMENT_VARIABLE + ")")
  private String url;

  ConnectionString resolve(Map<String, String> env) {
    String value = url != null ? url : env.get(ENVIRONMENT_VARIABLE);
    if (value == null || value.isBlank()) {
      throw new CliException("No database given: use --url URL or set " + ENVIRONMENT_VARIABLE);
    }
    try {
      return ConnectionString.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), e);
    }
  }
}
