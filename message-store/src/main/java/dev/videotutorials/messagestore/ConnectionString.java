package dev.videotutorials.messagestore;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A PostgreSQL connection string in the original system's form
 * ({@code postgresql://user:pass@host:5432/message_store}, also {@code postgres://}) or as a
 * {@code jdbc:postgresql:} URL, turned into what JDBC needs.
 */
public record ConnectionString(String jdbcUrl, String user, String password) {

  public ConnectionString {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
  }

  public static ConnectionString parse(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Connection string is empty");
    }
    String text = value.trim();
    if (text.startsWith("jdbc:postgresql:")) {
      return new ConnectionString(text, null, null);
    }
    if (!text.startsWith("postgresql://") && !text.startsWith("postgres://")) {
      throw new IllegalArgumentException(
          "Connection string must start with postgresql://, postgres:// or jdbc:postgresql: (got: " + redact(text) + ")");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Connection string is not a valid URL: " + redact(text));
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("Connection string has no host: " + redact(text));
    }
    String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (database.isEmpty()) {
      throw new IllegalArgumentException("Connection string has no database name: " + redact(text));
    }
    String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(hostPart);
    if (uri.getPort() != -1) {
      jdbc.append(':').append(uri.getPort());
    }
    jdbc.append('/').append(database);
    if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
      jdbc.append('?').append(uri.getRawQuery());
    }
    String user = null;
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    return new ConnectionString(jdbc.toString(), user, password);
  }

  /** The same server, another database (used to create databases from the maintenance db). */
  public ConnectionString withDatabase(String database) {
    int schemeEnd = jdbcUrl.indexOf("//");
    int pathStart = jdbcUrl.indexOf('/', schemeEnd + 2);
    if (schemeEnd < 0 || pathStart < 0) {
      throw new IllegalArgumentException("Cannot change the database of " + jdbcUrl);
    }
    int queryStart = jdbcUrl.indexOf('?', pathStart);
    String query = queryStart < 0 ? "" : jdbcUrl.substring(queryStart);
    return new ConnectionString(jdbcUrl.substring(0, pathStart + 1) + database + query, user, password);
  }

  public String databaseName() {
    int schemeEnd = jdbcUrl.indexOf("//");
    int pathStart = jdbcUrl.indexOf('/', schemeEnd + 2);
    int queryStart = jdbcUrl.indexOf('?', pathStart);
    return jdbcUrl.substring(pathStart + 1, queryStart < 0 ? jdbcUrl.length() : queryStart);
  }

  /** The URL without credentials, safe to print. */
  @Override
  public String toString() {
    return jdbcUrl.replaceAll("password=[^&]*", "password=***") + (user == null ? "" : " (user " + user + ")");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String redact(String text) {
    return text.replaceAll("//([^:/@]*):[^@]*@", "//$1:***@");
  }
}
