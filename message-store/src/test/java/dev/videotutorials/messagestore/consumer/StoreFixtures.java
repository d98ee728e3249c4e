package dev.videotutorials.messagestore.consumer;

import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.NewMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Writing test messages and reading what consumers left behind, with plain SQL where quicker. */
final class StoreFixtures {

  private StoreFixtures() {
  }

  /**
   * Writes {@code count} messages of {@code type} in one transaction, spread round-robin over
   * streams {@code category-s0 .. category-s{streams-1}}; data {@code {"n": i}} for i = 1..count.
   */
  static void writeMany(DataSource dataSource, String category, int streams, int count, String type) {
    String sql = "SELECT count(message_store.write_message(gen_random_uuid()::varchar, ? || '-s' || (i % ?), ?,"
        + " jsonb_build_object('n', i))) FROM generate_series(1, ?) i";
    try (Connection connection = dataSource.getConnection();
         PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, category);
      statement.setInt(2, streams);
      statement.setString(3, type);
      statement.setInt(4, count);
      statement.executeQuery().close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static long write(MessageStore store, String stream, String type, Object... data) {
    store.write(stream, NewMessage.of(type, JsonObject.of(data)));
    return store.readLast(stream).orElseThrow().globalPosition();
  }

  static Message writeAndRead(MessageStore store, String stream, NewMessage message) {
    store.write(stream, message);
    return store.readLast(stream).orElseThrow();
  }

  /** The positions recorded in a position stream, oldest first. */
  static List<Long> recordedPositions(MessageStore store, String positionStream) {
    List<Long> positions = new ArrayList<>();
    for (Message message : store.readStream(positionStream)) {
      positions.add(message.data().longValue("position"));
    }
    return positions;
  }

  static long lastRecordedPosition(MessageStore store, String positionStream) {
    List<Long> positions = recordedPositions(store, positionStream);
    return positions.isEmpty() ? 0 : positions.get(positions.size() - 1);
  }

  static void execute(DataSource dataSource, String sql) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static long queryLong(DataSource dataSource, String sql) {
    try (Connection connection = dataSource.getConnection();
         Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
