package dev.videotutorials.messagestore.sql;

import static dev.videotutorials.messagestore.sql.Sql.error;
import static dev.videotutorials.messagestore.sql.Sql.exec;
import static dev.videotutorials.messagestore.sql.Sql.messages;
import static dev.videotutorials.messagestore.sql.Sql.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.sql.Sql.Message;
import dev.videotutorials.messagestore.sql.Sql.PgError;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** get_stream_messages and get_last_stream_message: defaults, batches, errors, condition, result type. */
class StreamReadTest {

  private static TestDatabase db;
  /** Three messages: positions 0 (First), 1 (Second), 2 (First). */
  private static String stream;
  /** 1,001 messages, positions 0..1000. */
  private static String longStream;
  private static List<String> ids;

  private Connection c;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.withMessageStore();
    String category = Sql.category("streamRead");
    stream = category + "-1";
    longStream = category + "-long";
    try (Connection c = Sql.connect(db)) {
      write(c, category + "-2", "Noise");
      ids = new ArrayList<>();
      ids.add(Sql.newId());
      write(c, ids.get(0), stream, "First", "{\"n\":0}", null, null);
      write(c, category + "-2", "Noise");
      ids.add(Sql.newId());
      write(c, ids.get(1), stream, "Second", "{\"n\":1}", "{\"meta\":\"data\"}", null);
      ids.add(Sql.newId());
      write(c, ids.get(2), stream, "First", "{\"n\":2}", null, null);
      exec(c, "SELECT message_store.write_message(gen_random_uuid()::varchar, '" + longStream
          + "', 'Many', '{}') FROM generate_series(1, 1001)");
    }
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @BeforeEach
  void connect() throws Exception {
    c = Sql.connect(db);
  }

  @AfterEach
  void disconnect() throws Exception {
    c.close();
  }

  @Test
  void readsTheWholeStreamFromPositionZeroByDefault() throws Exception {
    List<Message> rows = messages(c, "SELECT * FROM message_store.get_stream_messages(?)", stream);
    assertThat(rows).extracting(Message::id).containsExactlyElementsOf(ids);
    assertThat(rows).extracting(Message::position).containsExactly(0L, 1L, 2L);
    assertThat(rows).extracting(Message::type).containsExactly("First", "Second", "First");
    assertThat(rows).extracting(Message::streamName).containsOnly(stream);
    assertThat(rows.get(1).data()).isEqualTo("{\"n\": 1}");
    assertThat(rows.get(1).metadata()).isEqualTo("{\"meta\": \"data\"}");
    assertThat(rows).extracting(Message::globalPosition).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void positionAndBatchSizeByPositionAndByName() throws Exception {
    assertThat(messages(c, "SELECT * FROM message_store.get_stream_messages(?, ?, ?)", stream, 1, 1))
        .extracting(Message::position).containsExactly(1L);
    assertThat(messages(c, "SELECT * FROM message_store.get_stream_messages(stream_name => ?, \"position\" => ?)", stream, 1))
        .extracting(Message::position).containsExactly(1L, 2L);
    assertThat(messages(c, "SELECT * FROM message_store.get_stream_messages(stream_name => ?, batch_size => ?)", stream, 2))
        .extracting(Message::position).containsExactly(0L, 1L);
    assertThat(messages(c, "SELECT * FROM message_store.get_stream_messages(batch_size => ?, \"position\" => ?, stream_name => ?)",
        5, 2, stream)).extracting(Message::position).containsExactly(2L);
    assertThat(messages(c, "SELECT * FROM message_store.get_stream_messages(?, ?)", stream, 3)).isEmpty();
  }

  @Test
  void nullPositionAndBatchSizeAreCoalescedToTheDefaults() throws Exception {
    assertThat(messages(c, "SELECT * FROM message_store.get_stream_messages(?, ?, ?)", stream, null, null))
        .extracting(Message::position).containsExactly(0L, 1L, 2L);
    assertThat(messages(c, "SELECT * FROM message_store.get_stream_messages(?, ?, ?)", longStream, null, null)).hasSize(1000);
  }

  @Test
  void batchSizeDefaultsToOneThousandAndMinusOneMeansUnlimited() throws Exception {
    List<Message> defaultBatch = messages(c, "SELECT * FROM message_store.get_stream_messages(?)", longStream);
    assertThat(defaultBatch).hasSize(1000);
    assertThat(defaultBatch.get(999).position()).isEqualTo(999);
    List<Message> unlimited = messages(c, "SELECT * FROM message_store.get_stream_messages(?, ?, ?)", longStream, 0, -1);
    assertThat(unlimited).hasSize(1001);
    assertThat(unlimited).extracting(Message::position).isSorted();
    assertThat(messages(c, "SELECT * FROM message_store.get_stream_messages(?, ?, ?)", longStream, 1000, 1000))
        .extracting(Message::position).containsExactly(1000L);
  }

  @Test
  void batchSizeZeroReturnsNothingAndBelowMinusOneIsALimitError() throws Exception {
    assertThat(messages(c, "SELECT * FROM message_store.get_stream_messages(?, ?, ?)", stream, 0, 0)).isEmpty();
    PgError negative = error(() -> messages(c, "SELECT * FROM message_store.get_stream_messages(?, ?, ?)", stream, 0, -2));
    assertThat(negative.sqlState()).isEqualTo("2201W");
    assertThat(negative.message()).isEqualTo("LIMIT must not be negative");
  }

  @Test
  void aCategoryOrNullIsNotAStreamName() throws Exception {
    PgError category = error(() -> messages(c, "SELECT * FROM message_store.get_stream_messages(?)", "account"));
    assertThat(category.sqlState()).isEqualTo("P0001");
    assertThat(category.message()).isEqualTo("Must be a stream name: account");
    assertThat(error(() -> messages(c, "SELECT * FROM message_store.get_stream_messages(?)", (Object) null)).message())
        .isEqualTo("Must be a stream name: <NULL>");
    assertThat(error(() -> messages(c, "SELECT * FROM message_store.get_stream_messages(?)", "")).message())
        .isEqualTo("Must be a stream name: ");
    // The stream-name check comes before the condition check.
    assertThat(error(() -> messages(c, "SELECT * FROM message_store.get_stream_messages(?, condition => ?)", "account", "true"))
        .message()).isEqualTo("Must be a stream name: account");
  }

  @Test
  void conditionIsRefusedUnlessActivated() throws Exception {
    String sql = "SELECT * FROM message_store.get_stream_messages(?, condition => ?)";
    PgError unset = error(() -> messages(c, sql, stream, "position >= 1"));
    assertThat(unset.sqlState()).isEqualTo("P0001");
    assertThat(unset.message()).isEqualTo("Retrieval with SQL condition is not activated");

    exec(c, "SET message_store.sql_condition = off");
    assertThat(error(() -> messages(c, sql, stream, "position >= 1")).message())
        .isEqualTo("Retrieval with SQL condition is not activated");

    exec(c, "SET message_store.sql_condition = on");
    assertThat(messages(c, sql, stream, "position >= 1")).extracting(Message::position).containsExactly(1L, 2L);
    assertThat(messages(c, "SELECT * FROM message_store.get_stream_messages(?, ?, ?, ?)", stream, 0, 1000, "type = 'First'"))
        .extracting(Message::position).containsExactly(0L, 2L);
    assertThat(messages(c, sql, stream, "global_position >= 1 AND messages.time <= now()")).hasSize(3);
    // NULL condition means no condition, whatever the setting.
    assertThat(messages(c, sql, stream, null)).hasSize(3);

    // After RESET the placeholder reads as an empty string, which (like Message DB) enables it.
    exec(c, "RESET message_store.sql_condition");
    assertThat(messages(c, sql, stream, "position = 2")).extracting(Message::position).containsExactly(2L);
  }

  @Test
  void conditionIsNotNeededWhenAbsent() throws Exception {
    exec(c, "SET message_store.sql_condition = off");
    assertThat(messages(c, "SELECT * FROM message_store.get_stream_messages(?)", stream)).hasSize(3);
  }

  @Test
  void resultIsTheMessageCompositeWithTextColumns() throws Exception {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM message_store.get_stream_messages(?)")) {
      Sql.bind(ps, stream);
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          columns.add(md.getColumnLabel(i) + " " + md.getColumnTypeName(i));
        }
        assertThat(columns).containsExactly("id varchar", "stream_name varchar", "type varchar", "position int8",
            "global_position int8", "data varchar", "metadata varchar", "time timestamp");
      }
    }
  }

  @Test
  void lastStreamMessageWithAndWithoutType() throws Exception {
    assertThat(messages(c, "SELECT * FROM message_store.get_last_stream_message(?)", stream))
        .extracting(Message::id).containsExactly(ids.get(2));
    assertThat(messages(c, "SELECT * FROM message_store.get_last_stream_message(?, ?)", stream, "Second"))
        .extracting(Message::id).containsExactly(ids.get(1));
    assertThat(messages(c, "SELECT * FROM message_store.get_last_stream_message(stream_name => ?, \"type\" => ?)", stream, "First"))
        .extracting(Message::position).containsExactly(2L);
    assertThat(messages(c, "SELECT * FROM message_store.get_last_stream_message(?, ?)", stream, null))
        .extracting(Message::position).containsExactly(2L);
    assertThat(messages(c, "SELECT * FROM message_store.get_last_stream_message(?, ?)", stream, "Missing")).isEmpty();
    assertThat(messages(c, "SELECT * FROM message_store.get_last_stream_message(?)", "nothing-here")).isEmpty();
    assertThat(messages(c, "SELECT * FROM message_store.get_last_stream_message(?)", longStream))
        .extracting(Message::position).containsExactly(1000L);
  }

  @Test
  void lastStreamMessageAcceptsACategoryNameLiterally() throws Exception {
    String category = Sql.category("literal");
    assertThat(messages(c, "SELECT * FROM message_store.get_last_stream_message(?)", category)).isEmpty();
    String id = write(c, category, "AsStream");
    write(c, category + "-1", "Other");
    assertThat(messages(c, "SELECT * FROM message_store.get_last_stream_message(?)", category))
        .extracting(Message::id).containsExactly(id);
  }
}
