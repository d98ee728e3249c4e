package dev.videotutorials.messagestore.sql;

import static dev.videotutorials.messagestore.sql.Sql.error;
import static dev.videotutorials.messagestore.sql.Sql.exec;
import static dev.videotutorials.messagestore.sql.Sql.messages;
import static dev.videotutorials.messagestore.sql.Sql.rows;
import static dev.videotutorials.messagestore.sql.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.sql.Sql.Message;
import dev.videotutorials.messagestore.sql.Sql.PgError;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the application role message_store may and may not do. */
class PrivilegesTest {

  private static TestDatabase db;
  private Connection c;

  @BeforeAll
  static void createDatabase() {
    db = TestDatabase.withMessageStore();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @BeforeEach
  void connectAsTheRole() throws Exception {
    c = Sql.connect(db);
    exec(c, "SET ROLE message_store");
    assertThat(value(c, "SELECT current_user::text")).isEqualTo("message_store");
    assertThat(value(c, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).isEqualTo(false);
  }

  @AfterEach
  void disconnect() throws Exception {
    c.close();
  }

  @Test
  void writesAndReadsEverythingTheInterfaceOffers() throws Exception {
    String category = Sql.category("priv");
    String stream = category + "-1";
    String id = Sql.newId();
    // Unqualified, relying on the "$user" entry of the default search_path, as Eventide's Ruby client does.
    assertThat(value(c, "SELECT write_message(?::varchar, ?::varchar, ?::varchar, ?::jsonb, ?::jsonb, ?::bigint)",
        id, stream, "T", "{}", null, -1)).isEqualTo(0L);
    assertThat(value(c, "SELECT message_store.write_message(?, ?, ?, ?, ?, ?)",
        Sql.newId(), stream, "T", "{}", "{\"correlationStreamName\":\"r-1\"}", 0)).isEqualTo(1L);
    assertThat(messages(c, "SELECT * FROM get_stream_messages(?)", stream)).hasSize(2);
    assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(?, ?, ?, ?, ?, ?)", category, 1, 10, "r", 0, 1))
        .hasSize(1);
    assertThat(messages(c, "SELECT * FROM message_store.get_last_stream_message(?, ?)", stream, "T")).hasSize(1);
    assertThat(messages(c, "SELECT * FROM message_store.get_all_messages()")).extracting(Message::id).contains(id);
    assertThat(value(c, "SELECT message_store.stream_version(?)", stream)).isEqualTo(1L);
    assertThat(value(c, "SELECT message_store.message_store_version()")).isEqualTo("1.3.0");
    assertThat(value(c, "SELECT message_store.hash_64(message_store.cardinal_id(?))", "x-abc")).isEqualTo(Sql.hash64("abc"));
    assertThat(value(c, "SELECT count(*) FROM message_store.messages WHERE stream_name = ?", stream)).isEqualTo(2L);
    assertThat(value(c, "SELECT message_store.reader_horizon() > 0")).isEqualTo(true);
    c.setAutoCommit(false);
    assertThat(value(c, "SELECT message_store.acquire_lock(?)", stream)).isEqualTo(Sql.hash64(category));
    c.rollback();
    exec(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(?)", category)).hasSize(2);
    assertThat(messages(c, "SELECT * FROM message_store.get_all_messages()")).extracting(Message::id).contains(id);
    c.rollback();
    // A repeatable-read read while other writers are running and committing checks their
    // transaction status, which the role may do too.
    try (Connection other = Sql.connect(db)) {
      other.setAutoCommit(false);
      Sql.write(other, category + "-2", "T");
      exec(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(?)", category)).hasSize(2);
      other.commit();
      assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(?)", category)).isEmpty();
      c.rollback();
    }
    assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(?)", category)).hasSize(3);
    c.setAutoCommit(true);
    // A plain insert is allowed too (SELECT, INSERT and the sequence are granted).
    exec(c, "INSERT INTO message_store.messages (stream_name, position, type) VALUES ('" + category + "-direct', 0, 'T')");
  }

  @ParameterizedTest
  @ValueSource(strings = {"stream_summary", "type_summary", "stream_type_summary", "type_stream_summary",
      "category_type_summary", "type_category_summary"})
  void summaryViewsAreReadable(String view) throws Exception {
    Sql.write(c, Sql.category("view") + "-1", "T");
    assertThat(rows(c, "SELECT * FROM message_store." + view)).isNotEmpty();
  }

  @Test
  void cannotChangeOrRemoveMessages() throws Exception {
    Sql.write(c, Sql.category("immutable") + "-1", "T");
    for (String statement : new String[] {
        "UPDATE message_store.messages SET type = 'Changed'",
        "DELETE FROM message_store.messages",
        "TRUNCATE message_store.messages"}) {
      PgError e = error(() -> exec(c, statement));
      assertThat(e.sqlState()).as(statement).isEqualTo("42501");
      assertThat(e.message()).as(statement).isEqualTo("permission denied for table messages");
    }
    assertThat(value(c, "SELECT count(*) > 0 FROM message_store.messages")).isEqualTo(true);
  }

  @Test
  void cannotResetTheSequenceOrCreateObjectsInTheSchema() throws Exception {
    PgError setval = error(() -> value(c, "SELECT setval('message_store.messages_global_position_seq', 1)"));
    assertThat(setval.sqlState()).isEqualTo("42501");
    PgError create = error(() -> exec(c, "CREATE TABLE message_store.intruder (x int)"));
    assertThat(create.sqlState()).isEqualTo("42501");
  }
}
