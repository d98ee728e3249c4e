package dev.videotutorials.app.web.registerusers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The view data the register form checks early: is an email in {@code user_credentials} already,
 * in any case? The identity component decides for sure, on the write side.
 */
final class UserCredentialsQueries {

  private final DataSource viewDatabase;

  UserCredentialsQueries(DataSource viewDatabase) {
    this.viewDatabase = viewDatabase;
  }

  boolean emailTaken(String email) {
    try (Connection connection = viewDatabase.getConnection();
         PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM user_credentials WHERE lower(email) = lower(?) LIMIT 1")) {
      statement.setString(1, email);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading user credentials failed: " + e.getMessage(), e);
    }
  }
}
