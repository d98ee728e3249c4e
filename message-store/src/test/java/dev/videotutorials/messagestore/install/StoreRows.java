package dev.videotutorials.messagestore.install;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Writes messages through the store's own function and reads every row back as text. */
final class StoreRows {

  private StoreRows() {
  }

  static void write(DataSource dataSource, String streamName, String type, int count) throws SQLException {
    try (Connection c = dataSource.getConnection();
         PreparedStatement write = c.prepareStatement(
             "SELECT message_store.write_message(?, ?, ?, ?::jsonb, ?::jsonb)")) {
      for (int i = 0; i < count; i++) {
        write.setString(1, UUID.randomUUID().toString());
        write.setString(2, streamName);
        write.setString(3, type);
        write.setString(4, "{\"n\": " + i + "}");
        write.setString(5, "{\"meta\": \"" + streamName + "\"}");
        write.executeQuery().close();
      }
    }
  }

  /** Every column of every message, in global position order. */
  static List<String> all(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return all(c, "SELECT * FROM message_store.messages ORDER BY global_position");
    }
  }

  static List<String> all(Connection c, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i == 1 ? "" : " | ").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  static void execute(DataSource dataSource, String... statements) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  static String queryString(DataSource dataSource, String query) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  static List<String> definitions(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return CatalogFingerprint.definitions(c);
    }
  }

  static List<String> identity(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return CatalogFingerprint.identity(c);
    }
  }
}
