package dev.videotutorials.messagestore.sql;

import static dev.videotutorials.messagestore.sql.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RAISE NOTICE output under message_store.debug, debug_write and debug_get. */
class DebugNoticesTest {

  private static TestDatabase db;
  private Connection c;
  private String category;
  private String stream;

  @BeforeAll
  static void createDatabase() {
    db = TestDatabase.withMessageStore();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @BeforeEach
  void connect() throws Exception {
    c = Sql.connect(db);
    exec(c, "SET client_min_messages = notice");
    category = Sql.category("debug");
    stream = category + "-1";
  }

  @AfterEach
  void disconnect() throws Exception {
    c.close();
  }

  /** Runs a query, consumes its rows, returns the notice texts it produced. */
  private List<String> noticesOf(String sql, Object... params) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Sql.bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rs.getObject(1);
        }
      }
      return Sql.notices(ps);
    }
  }

  private List<String> write(String id, Long expectedVersion) throws Exception {
    return noticesOf("SELECT message_store.write_message(?, ?, ?, ?, ?, ?)", id, stream, "Opened", "{\"b\":1,\"a\":2}", null, expectedVersion);
  }

  @Test
  void noNoticesWithoutTheSettings() throws Exception {
    assertThat(write(Sql.newId(), null)).isEmpty();
    assertThat(noticesOf("SELECT * FROM message_store.get_stream_messages(?)", stream)).isEmpty();
    assertThat(noticesOf("SELECT * FROM message_store.get_category_messages(?)", category)).isEmpty();
    assertThat(noticesOf("SELECT * FROM message_store.get_last_stream_message(?)", stream)).isEmpty();
    assertThat(noticesOf("SELECT * FROM message_store.get_all_messages()")).isEmpty();
    c.setAutoCommit(false);
    assertThat(noticesOf("SELECT message_store.acquire_lock(?)", stream)).isEmpty();
    c.rollback();
  }

  @ParameterizedTest
  @ValueSource(strings = {"off", "true", "yes", "1", "ON "})
  void onlyTheExactValueOnEnablesThem(String value) throws Exception {
    exec(c, "SET message_store.debug = '" + value + "'");
    exec(c, "SET message_store.debug_write = '" + value + "'");
    exec(c, "SET message_store.debug_get = '" + value + "'");
    assertThat(write(Sql.newId(), null)).isEmpty();
    assertThat(noticesOf("SELECT * FROM message_store.get_stream_messages(?)", stream)).isEmpty();
    assertThat(noticesOf("SELECT * FROM message_store.get_category_messages(?)", category)).isEmpty();
  }

  @Test
  void writeNotices() throws Exception {
    exec(c, "SET message_store.debug_write = on");
    String id = Sql.newId();
    assertThat(write(id, null)).containsExactly(
        "» write_message",
        "id ($1): " + id,
        "stream_name ($2): " + stream,
        "type ($3): Opened",
        "data ($4): {\"a\": 2, \"b\": 1}",
        "metadata ($5): <NULL>",
        "expected_version ($6): <NULL>",
        "_stream_version: -1",
        "_next_position: 0");
    String second = Sql.newId();
    assertThat(write(second, 0L)).contains("expected_version ($6): 0", "_stream_version: 0", "_next_position: 1");
    // debug_write does not switch on read notices.
    assertThat(noticesOf("SELECT * FROM message_store.get_stream_messages(?)", stream)).isEmpty();
  }

  @Test
  void acquireLockNotices() throws Exception {
    exec(c, "SET message_store.debug_write = on");
    c.setAutoCommit(false);
    assertThat(noticesOf("SELECT message_store.acquire_lock(?)", "account-1")).containsExactly(
        "» acquire_lock",
        "stream_name: account-1",
        "_category: account",
        "_category_name_hash: -2132379389342958165");
    c.rollback();
  }

  @Test
  void readNotices() throws Exception {
    Sql.write(c, stream, "Opened");
    exec(c, "SET message_store.debug_get = on");

    List<String> streamRead = noticesOf("SELECT * FROM message_store.get_stream_messages(?, ?, ?)", stream, null, null);
    assertThat(streamRead).hasSize(6);
    assertThat(streamRead.subList(0, 5)).containsExactly(
        "» get_stream_messages",
        "stream_name ($1): " + stream,
        "position ($2): 0",
        "batch_size ($3): 1000",
        "condition ($4): <NULL>");
    assertThat(streamRead.get(5)).startsWith("Generated Command: ").contains("stream_name = $1", "LIMIT");

    List<String> categoryRead = noticesOf("SELECT * FROM message_store.get_category_messages(?, ?, ?, ?, ?, ?)",
        category, null, -1, "reply", 0, 2);
    assertThat(categoryRead).hasSize(9);
    assertThat(categoryRead.subList(0, 8)).containsExactly(
        "» get_category_messages",
        "category ($1): " + category,
        "position ($2): 1",
        "batch_size ($3): -1",
        "correlation ($4): reply",
        "consumer_group_member ($5): 0",
        "consumer_group_size ($6): 2",
        "condition: <NULL>");
    assertThat(categoryRead.get(8)).startsWith("Generated Command: ").doesNotContain("LIMIT");

    List<String> last = noticesOf("SELECT * FROM message_store.get_last_stream_message(?)", stream);
    assertThat(last).hasSize(4);
    assertThat(last.subList(0, 3)).containsExactly("» get_last_message", "stream_name ($1): " + stream, "type ($2): <NULL>");
    assertThat(last.get(3)).startsWith("Generated Command: ");
    assertThat(noticesOf("SELECT * FROM message_store.get_last_stream_message(?, ?)", stream, "Opened"))
        .contains("type ($2): Opened");

    // debug_get does not switch on write notices.
    assertThat(write(Sql.newId(), null)).isEmpty();
  }

  @Test
  void debugSwitchesOnBoth() throws Exception {
    exec(c, "SET message_store.debug = on");
    assertThat(write(Sql.newId(), null)).first().isEqualTo("» write_message");
    assertThat(noticesOf("SELECT * FROM message_store.get_stream_messages(?)", stream)).first().isEqualTo("» get_stream_messages");
    assertThat(noticesOf("SELECT * FROM message_store.get_category_messages(?)", category)).first()
        .isEqualTo("» get_category_messages");
    assertThat(noticesOf("SELECT * FROM message_store.get_last_stream_message(?)", stream)).first().isEqualTo("» get_last_message");
    c.setAutoCommit(false);
    assertThat(noticesOf("SELECT message_store.acquire_lock(?)", stream)).first().isEqualTo("» acquire_lock");
    c.rollback();
  }
}
