package dev.videotutorials.app.web.common;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Session state in the view database's {@code web_sessions} table, so that every web instance
 * sees every session. Rows are keyed by a hash of the session id: reading the table does not
 * give anyone a live session.
 */
final class SessionStore {

  /** How long a session row lives after it was created (at log-in or registration). */
  static final Duration LIFETIME = Duration.ofDays(7);

  /** The stored part of a session. */
  record State(String userId, List<String> registrations) {
    static final State EMPTY = new State(null, List.of());
  }

  private final DataSource viewDatabase;

  SessionStore(DataSource viewDatabase) {
    this.viewDatabase = viewDatabase;
  }

  Optional<State> find(String idHash) {
    String sql = "SELECT user_id, registrations FROM web_sessions WHERE id_hash = ? AND expires_at > now()";
    try (Connection connection = viewDatabase.getConnection();
         PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, idHash);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new State(rs.getString(1), registrations(rs.getArray(2))));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the session failed: " + e.getMessage(), e);
    }
  }

  /** Creates or replaces the row, starting a new lifetime; expired rows are cleared on the way. */
  void save(String idHash, State state) {
    String upsert = """
        INSERT INTO web_sessions (id_hash, user_id, registrations, expires_at)
        VALUES (?, ?, ?, now() + make_interval(secs => ?))
        ON CONFLICT (id_hash) DO UPDATE
          SET user_id = EXCLUDED.user_id, registrations = EXCLUDED.registrations, expires_at = EXCLUDED.expires_at
        """;
    try (Connection connection = viewDatabase.getConnection()) {
      try (PreparedStatement statement = connection.prepareStatement(upsert)) {
        statement.setString(1, idHash);
        statement.setString(2, state.userId());
        statement.setArray(3, connection.createArrayOf("varchar", state.registrations().toArray()));
        statement.setLong(4, LIFETIME.toSeconds());
        statement.executeUpdate();
      }
      try (PreparedStatement statement = connection.prepareStatement("DELETE FROM web_sessions WHERE expires_at <= now()")) {
        statement.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Saving the session failed: " + e.getMessage(), e);
    }
  }

  void delete(String idHash) {
    try (Connection connection = viewDatabase.getConnection();
         PreparedStatement statement = connection.prepareStatement("DELETE FROM web_sessions WHERE id_hash = ?")) {
      statement.setString(1, idHash);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Deleting the session failed: " + e.getMessage(), e);
    }
  }

  private static List<String> registrations(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }
}
