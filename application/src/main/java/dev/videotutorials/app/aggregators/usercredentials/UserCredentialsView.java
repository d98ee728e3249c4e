package dev.videotutorials.app.aggregators.usercredentials;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code user_credentials} table: one row per registered user, inserted once. A row whose
 * id or email is already present is not inserted again.
 */
public final class UserCredentialsView {

  private static final String INSERT =
      "INSERT INTO user_credentials (id, email, password_hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
  private static final String BY_ID = "SELECT id, email, password_hash FROM user_credentials WHERE id = ?";

  private final DataSource viewDatabase;

  public UserCredentialsView(DataSource viewDatabase) {
    this.viewDatabase = Objects.requireNonNull(viewDatabase, "viewDatabase");
  }

  /** Inserts {@code credential}; returns false when its id or email already had a row. */
  public boolean insert(UserCredential credential) throws SQLException {
    try (Connection connection = viewDatabase.getConnection();
         PreparedStatement statement = connection.prepareStatement(INSERT)) {
      statement.setString(1, credential.id());
      statement.setString(2, credential.email());
      statement.setString(3, credential.passwordHash());
      return statement.executeUpdate() == 1;
    }
  }

  public Optional<UserCredential> byId(String id) throws SQLException {
    try (Connection connection = viewDatabase.getConnection();
         PreparedStatement statement = connection.prepareStatement(BY_ID)) {
      statement.setString(1, id);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next()
            ? Optional.of(new UserCredential(rs.getString(1), rs.getString(2), rs.getString(3)))
            : Optional.empty();
      }
    }
  }
}
