package dev.videotutorials.messagestore.cli;

import dev.videotutorials.messagestore.ConnectionString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code postgresql://} URLs, the form users type, for connection strings of the test servers. */
final class Urls {

  private Urls() {
  }

  static String of(ConnectionString connection) {
    String credentials = connection.user() == null ? "" : encode(connection.user())
        + (connection.password() == null ? "" : ":" + encode(connection.password())) + "@";
    return connection.jdbcUrl().substring("jdbc:".length()).replaceFirst("//", "//" + credentials);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
