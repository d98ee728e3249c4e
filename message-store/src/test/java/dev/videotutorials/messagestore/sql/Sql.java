package dev.videotutorials.messagestore.sql;

import static org.assertj.core.api.Assertions.fail;

import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLWarning;
import org.postgresql.util.ServerErrorMessage;

/**
 * Plain-JDBC helpers for the SQL tests. Parameters are sent untyped (as node-pg and most Message
 * DB clients do), so the server resolves each call against the single overload of a function.
 */
final class Sql {

  private Sql() {
  }

  /** One row of {@code message_store.message}. */
  record Message(String id, String streamName, String type, long position, long globalPosition,
                 String data, String metadata, LocalDateTime time) {
  }

  /** The bare server error text and SQLSTATE of a failed statement. */
  record PgError(String sqlState, String message, String detail) {
  }

  @FunctionalInterface
  interface SqlAction {
    void run() throws Exception;
  }

  /** A dedicated connection (not from the pool), so session settings never leak into other tests. */
  static Connection connect(TestDatabase db) throws SQLException {
    return Databases.connect(db.connectionString());
  }

  /** A category name unique to the calling test (letters and digits only, no dash). */
  static String category(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }

  /** Writes a message with a fresh id, positional call, returns the id. */
  static String write(Connection c, String stream, String type) throws SQLException {
    String id = newId();
    write(c, id, stream, type, "{\"attribute\":\"value\"}", null, null);
    return id;
  }

  /** {@code SELECT message_store.write_message($1, $2, $3, $4, $5, $6)}, untyped; returns its result. */
  static long write(Connection c, String id, String stream, String type, String data, String metadata,
                    Long expectedVersion) throws SQLException {
    Object result = value(c, "SELECT message_store.write_message(?, ?, ?, ?, ?, ?)",
        id, stream, type, data, metadata, expectedVersion);
    return (Long) result;
  }

  static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      if (params[i] == null) {
        ps.setNull(i + 1, Types.OTHER);
      } else {
        ps.setObject(i + 1, params[i].toString(), Types.OTHER);
      }
    }
  }

  /** Runs a query returning {@code message_store.message} rows. */
  static List<Message> messages(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<Message> result = new ArrayList<>();
        while (rs.next()) {
          result.add(new Message(
              rs.getString("id"),
              rs.getString("stream_name"),
              rs.getString("type"),
              rs.getLong("position"),
              rs.getLong("global_position"),
              rs.getString("data"),
              rs.getString("metadata"),
              rs.getObject("time", LocalDateTime.class)));
        }
        return result;
      }
    }
  }

  /** The first column of the first row (null when there is no row). */
  static Object value(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getObject(1) : null;
      }
    }
  }

  /** Every row as a list of column values. */
  static List<List<Object>> rows(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<List<Object>> result = new ArrayList<>();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            row.add(rs.getObject(i));
          }
          result.add(row);
        }
        return result;
      }
    }
  }

  static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Runs the action, which must fail with a server error, and returns that error. */
  static PgError error(SqlAction action) {
    try {
      action.run();
    } catch (PSQLException e) {
      ServerErrorMessage server = e.getServerErrorMessage();
      if (server == null) {
        throw new AssertionError("Expected a server error but got a client error: " + e.getMessage(), e);
      }
      return new PgError(e.getSQLState(), server.getMessage(), server.getDetail());
    } catch (Exception e) {
      throw new AssertionError("Expected a PostgreSQL error but got " + e, e);
    }
    return fail("Expected the statement to fail, but it succeeded");
  }

  /** The bare texts of the notices attached to a statement, in order. */
  static List<String> notices(Statement statement) throws SQLException {
    List<String> result = new ArrayList<>();
    for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
      if (w instanceof PSQLWarning pw && pw.getServerErrorMessage() != null) {
        result.add(pw.getServerErrorMessage().getMessage());
      } else {
        result.add(w.getMessage());
      }
    }
    return result;
  }

  /** Message DB's hash_64, computed independently in Java: first 8 MD5 bytes, big-endian. */
  static long hash64(String value) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The consumer group member a stream belongs to, or -1 when it has no id (never matches). */
  static long member(String streamName, long groupSize) {
    int dash = streamName.indexOf('-');
    if (dash < 0) {
      return -1;
    }
    String id = streamName.substring(dash + 1);
    int plus = id.indexOf('+');
    String cardinal = plus < 0 ? id : id.substring(0, plus);
    return Math.abs(hash64(cardinal)) % groupSize;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
