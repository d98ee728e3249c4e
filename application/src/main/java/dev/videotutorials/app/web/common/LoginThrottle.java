package dev.videotutorials.app.web.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Counts failed log-ins per email and per client address in the view database's
 * {@code login_failures} table, so every web instance sees every failure. While either count
 * over the window has reached its limit, log-in attempts for it are refused without checking a
 * password. Keys are stored hashed: the table holds no emails or addresses.
 */
public final class LoginThrottle {

  public record Limits(int perEmail, int perAddress, Duration window) {
    /** 5 failures per email, 20 per address (offices share one), in 15 minutes. */
    public static final Limits DEFAULT = new Limits(5, 20, Duration.ofMinutes(15));
  }

  private final DataSource viewDatabase;
  private final Limits limits;

  public LoginThrottle(DataSource viewDatabase, Limits limits) {
    this.viewDatabase = viewDatabase;
    this.limits = limits;
  }

  public Limits limits() {
    return limits;
  }

  public boolean blocked(String email, String address) {
    return failures(emailKey(email)) >= limits.perEmail() || failures(addressKey(address)) >= limits.perAddress();
  }

  /** Records one failure for both keys and forgets failures older than the window. */
  public void recordFailure(String email, String address) {
    String insert = "INSERT INTO login_failures (throttle_key) VALUES (?), (?)";
    String prune = "DELETE FROM login_failures WHERE failed_at < now() - make_interval(secs => ?)";
    try (Connection connection = viewDatabase.getConnection()) {
      try (PreparedStatement statement = connection.prepareStatement(insert)) {
        statement.setString(1, emailKey(email));
        statement.setString(2, addressKey(address));
        statement.executeUpdate();
      }
      try (PreparedStatement statement = connection.prepareStatement(prune)) {
        statement.setLong(1, limits.window().toSeconds());
        statement.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Recording a failed log-in failed: " + e.getMessage(), e);
    }
  }

  /** A successful log-in clears the email's failures (not the address's). */
  public void recordSuccess(String email) {
    try (Connection connection = viewDatabase.getConnection();
         PreparedStatement statement = connection.prepareStatement("DELETE FROM login_failures WHERE throttle_key = ?")) {
      statement.setString(1, emailKey(email));
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Clearing failed log-ins failed: " + e.getMessage(), e);
    }
  }

  private int failures(String key) {
    String sql = "SELECT count(*) FROM login_failures WHERE throttle_key = ? AND failed_at > now() - make_interval(secs => ?)";
    try (Connection connection = viewDatabase.getConnection();
         PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, key);
      statement.setLong(2, limits.window().toSeconds());
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Counting failed log-ins failed: " + e.getMessage(), e);
    }
  }

  private static String emailKey(String email) {
    return sha256("email|" + email.toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return sha256("address|" + address);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
