package dev.videotutorials.messagestore.consumer;

import dev.videotutorials.messagestore.Message;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A table in the test database where handlers record each message they handle, committed per
 * message, so that what a killed process handled survives it. {@code seq} orders the records
 * of all processes.
 */
final class HandledTable {

  record Row(long seq, UUID messageId, long globalPosition, String handler) {
  }

  private final DataSource dataSource;

  HandledTable(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  static void create(DataSource dataSource) {
    StoreFixtures.execute(dataSource, "CREATE TABLE IF NOT EXISTS handled (seq bigserial PRIMARY KEY,"
        + " message_id uuid NOT NULL, global_position bigint NOT NULL, handler text NOT NULL)");
  }

  /** A handler that records into this table as {@code handlerName}. */
  Handler recorder(String handlerName) {
    return message -> record(message, handlerName);
  }

  void record(Message message, String handlerName) throws SQLException {
    try (Connection connection = dataSource.getConnection();
         PreparedStatement insert = connection.prepareStatement(
             "INSERT INTO handled (message_id, global_position, handler) VALUES (?, ?, ?)")) {
      insert.setObject(1, message.id());
      insert.setLong(2, message.globalPosition());
      insert.setString(3, handlerName);
      insert.executeUpdate();
    }
  }

  List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
         PreparedStatement select = connection.prepareStatement(
             "SELECT seq, message_id, global_position, handler FROM handled ORDER BY seq");
         ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        rows.add(new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getLong(3), rs.getString(4)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  long count() {
    return StoreFixtures.queryLong(dataSource, "SELECT count(*) FROM handled");
  }

  long countDistinct() {
    return StoreFixtures.queryLong(dataSource, "SELECT count(DISTINCT message_id) FROM handled");
  }

  long countBy(String handlerName) {
    return rows().stream().filter(row -> row.handler().equals(handlerName)).count();
  }
}
