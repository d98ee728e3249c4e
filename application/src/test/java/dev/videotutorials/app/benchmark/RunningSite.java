package dev.videotutorials.app.benchmark;

import dev.videotutorials.app.testing.WebClient;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site under measurement, seen from outside: its pages over HTTP, its {@code /metrics}, and
 * its two databases over JDBC (read only), to account for every request afterwards.
 */
final class RunningSite implements AutoCloseable {

  private static final Pattern VIDEOS_WATCHED = Pattern.compile("Viewers have watched (\\d+) video\\(s\\)\\.");

  final URI url;
  private final Connection messageStore;
  private final Connection viewDatabase;

  RunningSite(URI url, String messageStoreJdbcUrl, String viewDatabaseJdbcUrl) throws SQLException {
    this.url = url;
    Properties user = new Properties();
    user.setProperty("user", "postgres");
    this.messageStore = DriverManager.getConnection(messageStoreJdbcUrl, user);
    this.viewDatabase = DriverManager.getConnection(viewDatabaseJdbcUrl, user);
  }

  WebClient newVisitor() {
    return new WebClient(url);
  }

  /** The number the home page shows, as {@code visitor} sees it now. */
  static long videosWatched(WebClient visitor) {
    WebClient.Response home = visitor.get("/");
    Matcher matcher = VIDEOS_WATCHED.matcher(home.body());
    if (home.status() != 200 || !matcher.find()) {
      throw new IllegalStateException("GET / answered " + home.status() + " without the count");
    }
    return Long.parseLong(matcher.group(1));
  }

  /** {@code VideoViewed} messages in the message store. */
  long videoViewedMessages() throws SQLException {
    return count(messageStore, "SELECT count(*) FROM message_store.messages WHERE type = 'VideoViewed'", null);
  }

  /** {@code POST /record-viewing/{videoId}} requests the server answered with its 302, by its own metrics. */
  long acceptedViewingsByMetrics(WebClient visitor) {
    WebClient.Response metrics = visitor.get("/metrics");
    long total = 0;
    for (String line : metrics.body().split("\n")) {
      if (line.startsWith("http_server_requests_seconds_count{") && line.contains("method=\"POST\"")
          && line.contains("status=\"302\"") && line.contains("uri=\"/record-viewing/{videoId}\"")) {
        total += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }

  boolean hasCredentials(String email) throws SQLException {
    return count(viewDatabase, "SELECT count(*) FROM user_credentials WHERE email = ?", email) > 0;
  }

  private static long count(Connection connection, String sql, String parameter) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (parameter != null) {
        statement.setString(1, parameter);
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    try {
      messageStore.close();
    } finally {
      viewDatabase.close();
    }
  }
}
