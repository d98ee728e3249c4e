package dev.videotutorials.messagestore;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * A PostgreSQL connection string in the original system's form
 * ({@code postgresql://user:pass@host:5432/message_store}, also {@code postgres://}, several
 * {@code host:port} pairs separated by commas) or as a {@code jdbc:postgresql:} URL, turned into
 * what JDBC needs. Special characters in the user, the password and the database name must be
 * percent-encoded ({@code %40} for {@code @}); the query string is passed on to the driver.
 */
public record ConnectionString(String jdbcUrl, String user, String password) {

  private static final String JDBC_PREFIX = "jdbc:postgresql:";

  public ConnectionString {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
  }

  /** Parses a connection string; every problem is an {@link IllegalArgumentException} with a one-line message. */
  public static ConnectionString parse(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Connection string is empty");
    }
    String text = value.trim();
    if (text.startsWith(JDBC_PREFIX)) {
      if (Driver.parseURL(text, null) == null) {
        throw new IllegalArgumentException("Connection string is not a valid PostgreSQL JDBC URL: " + redact(text));
      }
      return new ConnectionString(text, null, null);
    }
    String rest;
    if (text.startsWith("postgresql://")) {
      rest = text.substring("postgresql://".length());
    } else if (text.startsWith("postgres://")) {
      rest = text.substring("postgres://".length());
    } else {
      throw new IllegalArgumentException(
          "Connection string must start with postgresql://, postgres:// or jdbc:postgresql: (got: " + redact(text) + ")");
    }
    return parseUrlForm(text, rest);
  }

  private static ConnectionString parseUrlForm(String text, String rest) {
    String query = "";
    int queryStart = rest.indexOf('?');
    if (queryStart >= 0) {
      query = rest.substring(queryStart);
      rest = rest.substring(0, queryStart);
    }
    // The user info ends at the last '@', so that an unencoded '@' in a password still parses.
    int at = rest.lastIndexOf('@');
    String userInfo = at < 0 ? null : rest.substring(0, at);
    String hostsAndPath = rest.substring(at + 1);
    int slash = hostsAndPath.indexOf('/');
    String hosts = slash < 0 ? hostsAndPath : hostsAndPath.substring(0, slash);
    String rawDatabase = slash < 0 ? "" : hostsAndPath.substring(slash + 1);
    validateHosts(text, hosts);
    String database = decode(text, rawDatabase);
    if (database.isEmpty()) {
      throw new IllegalArgumentException("Connection string has no database name: " + redact(text));
    }
    String user = null;
    String password = null;
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      user = decode(text, colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(text, userInfo.substring(colon + 1));
    }
    String jdbcUrl = JDBC_PREFIX + "//" + hosts + "/" + encode(database) + query;
    if (Driver.parseURL(jdbcUrl, null) == null) {
      throw new IllegalArgumentException("Connection string is not valid: " + redact(text));
    }
    return new ConnectionString(jdbcUrl, user, password);
  }

  private static void validateHosts(String text, String hosts) {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("Connection string has no host (Unix-domain sockets are not supported): " + redact(text));
    }
    for (String hostPort : hosts.split(",", -1)) {
      String host = hostPort;
      String port = null;
      if (hostPort.startsWith("[")) {
        int close = hostPort.indexOf(']');
        if (close < 0) {
          throw new IllegalArgumentException("Connection string has an unclosed IPv6 address: " + redact(text));
        }
        host = hostPort.substring(0, close + 1);
        String after = hostPort.substring(close + 1);
        if (!after.isEmpty()) {
          if (!after.startsWith(":")) {
            throw new IllegalArgumentException("Connection string has an invalid host: " + redact(text));
          }
          port = after.substring(1);
        }
      } else {
        int colon = hostPort.indexOf(':');
        if (colon >= 0) {
          host = hostPort.substring(0, colon);
          port = hostPort.substring(colon + 1);
        }
      }
      if (host.isEmpty() || host.matches(".*[\\s/@%].*")) {
        throw new IllegalArgumentException("Connection string has an invalid host '" + host + "': " + redact(text));
      }
      if (port != null && !validPort(port)) {
        throw new IllegalArgumentException("Connection string has an invalid port '" + port + "': " + redact(text));
      }
    }
  }

  private static boolean validPort(String port) {
    if (!port.matches("[0-9]{1,5}")) {
      return false;
    }
    int number = Integer.parseInt(port);
    return number >= 1 && number <= 65535;
  }

  /** The same server and options, another database (used to create databases from the maintenance db). */
  public ConnectionString withDatabase(String database) {
    int[] span = databaseSpan();
    return new ConnectionString(
        jdbcUrl.substring(0, span[0]) + encode(database) + jdbcUrl.substring(span[1]), user, password);
  }

  /** The database name, decoded the way the JDBC driver decodes it. */
  public String databaseName() {
    Properties properties = Driver.parseURL(jdbcUrl, null);
    String name = properties == null ? null : properties.getProperty("PGDBNAME");
    return name == null ? "" : name;
  }

  /** {@code host:port} of the server (several joined by commas), for messages. */
  public String serverAddress() {
    Properties properties = Driver.parseURL(jdbcUrl, null);
    if (properties == null) {
      return "?";
    }
    String[] hosts = properties.getProperty("PGHOST", "localhost").split(",");
    String[] ports = properties.getProperty("PGPORT", "5432").split(",");
    StringBuilder address = new StringBuilder();
    for (int i = 0; i < hosts.length; i++) {
      if (i > 0) {
        address.append(',');
      }
      address.append(hosts[i]).append(':').append(i < ports.length ? ports[i] : ports[ports.length - 1]);
    }
    return address.toString();
  }

  /** The user the connection logs in as: the explicit one, the URL's {@code user=}, or null (the driver's default). */
  public String effectiveUser() {
    if (user != null) {
      return user;
    }
    Properties properties = Driver.parseURL(jdbcUrl, null);
    return properties == null ? null : properties.getProperty("user");
  }

  /** The URL without credentials, safe to print. */
  @Override
  public String toString() {
    return jdbcUrl.replaceAll("password=[^&]*", "password=***") + (user == null ? "" : " (user " + user + ")");
  }

  /** Start and end (exclusive) of the database segment in {@link #jdbcUrl}. */
  private int[] databaseSpan() {
    if (!jdbcUrl.startsWith(JDBC_PREFIX)) {
      throw new IllegalArgumentException("Cannot change the database of " + this);
    }
    int start;
    if (jdbcUrl.startsWith("//", JDBC_PREFIX.length())) {
      int slash = jdbcUrl.indexOf('/', JDBC_PREFIX.length() + 2);
      if (slash < 0) {
        throw new IllegalArgumentException("Cannot change the database of " + this);
      }
      start = slash + 1;
    } else {
      start = JDBC_PREFIX.length();
      if (jdbcUrl.startsWith("/", start)) {
        start++;
      }
    }
    int end = jdbcUrl.indexOf('?', start);
    return new int[] {start, end < 0 ? jdbcUrl.length() : end};
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String decode(String text, String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Connection string has an invalid %-escape: " + redact(text));
    }
  }

  /** Hides the password: everything between the user's ':' and the last '@' of the authority. */
  static String redact(String text) {
    int schemeEnd = text.indexOf("//");
    if (schemeEnd < 0) {
      return text.replaceAll("password=[^&]*", "password=***");
    }
    int at = text.lastIndexOf('@');
    int colon = text.indexOf(':', schemeEnd + 2);
    String redacted = text;
    if (at > schemeEnd && colon > schemeEnd && colon < at) {
      redacted = text.substring(0, colon + 1) + "***" + text.substring(at);
    }
    return redacted.replaceAll("password=[^&]*", "password=***");
  }
}
