package dev.videotutorials.app.browser;

import dev.videotutorials.app.system.DomainConsumers;
import dev.videotutorials.app.testing.TestSystem;
import dev.videotutorials.app.web.common.LoginThrottle;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.StreamName;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The whole system in this JVM, as {@code Main} wires it (web apps, the real components and
 * aggregators), on fresh databases of the test PostgreSQL server, its web server on a free port of
 * the loopback interface and its emails written as {@code .eml} files to a directory of its own.
 */
final class Site implements AutoCloseable {

  private final TestSystem system;
  private final Path emailDirectory;

  private Site(TestSystem system, Path emailDirectory) {
    this.system = system;
    this.emailDirectory = emailDirectory;
  }

  static Site start(Path emailDirectory) {
    TestSystem system = TestSystem.start(Map.of("EMAIL_DIRECTORY", emailDirectory.toString()),
        DomainConsumers::new, LoginThrottle.Limits.DEFAULT);
    return new Site(system, emailDirectory);
  }

  URI url() {
    return system.url();
  }

  /** The emails delivered so far, oldest first by file time. */
  List<MimeMessage> emails() {
    if (!Files.isDirectory(emailDirectory)) {
      return List.of();
    }
    List<MimeMessage> emails = new ArrayList<>();
    try (Stream<Path> files = Files.list(emailDirectory)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          emails.add(new MimeMessage(Session.getInstance(new Properties()), in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessagingException e) {
      throw new IllegalStateException("An email file is not RFC 822: " + e.getMessage(), e);
    }
    return emails;
  }

  /** The user id the user-credentials aggregator recorded for {@code email}, or null before it has. */
  String userIdOf(String email) {
    String sql = "SELECT id FROM user_credentials WHERE lower(email) = lower(?)";
    try (Connection connection = system.viewDatabase().dataSource().getConnection();
         PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, email);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The types of the messages in {@code category-id}, in order. */
  List<String> messageTypes(String category, String id) {
    return system.store().readStream(StreamName.of(category, id), 0, 1000).stream().map(Message::type).toList();
  }

  @Override
  public void close() {
    system.close();
  }
}
