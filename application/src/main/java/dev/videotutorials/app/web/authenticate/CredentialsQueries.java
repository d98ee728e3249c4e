package dev.videotutorials.app.web.authenticate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Looks up the credentials the user-credentials aggregator keeps, by email regardless of case
 * (the identity component treats {@code Alice@Example.com} and {@code alice@example.com} as one
 * address); an exact match wins among rows the original system may have left.
 */
final class CredentialsQueries {

  private final DataSource viewDatabase;

  CredentialsQueries(DataSource viewDatabase) {
    this.viewDatabase = viewDatabase;
  }

  Optional<Credentials> byEmail(String email) {
    if (email.indexOf('\0') >= 0) {
      return Optional.empty(); // PostgreSQL text cannot hold NUL, so no stored email has one
    }
    String sql = "SELECT id, password_hash FROM user_credentials WHERE lower(email) = lower(?) ORDER BY email = ? DESC LIMIT 1";
    try (Connection connection = viewDatabase.getConnection();
         PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, email);
      statement.setString(2, email);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(new Credentials(rs.getString(1), rs.getString(2))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading user credentials failed: " + e.getMessage(), e);
    }
  }
}
