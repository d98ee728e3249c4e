package dev.videotutorials.messagestore.sql;

import static dev.videotutorials.messagestore.sql.Sql.exec;
import static dev.videotutorials.messagestore.sql.Sql.messages;
import static dev.videotutorials.messagestore.sql.Sql.rows;
import static dev.videotutorials.messagestore.sql.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.sql.Sql.Message;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Message DB's functions only work with message_store on the search_path (its issue #24/#49).
 * Ours reference everything schema-qualified: unqualified calls work with the schema on the
 * path, and qualified calls work without it, even when other objects of the same names are.
 */
class SearchPathTest {

  private static TestDatabase db;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.withMessageStore();
    try (Connection c = Sql.connect(db)) {
      // Decoys an unqualified reference inside the functions would pick up.
      exec(c, """
          CREATE SCHEMA decoy;
          CREATE TABLE decoy.messages (LIKE message_store.messages);
          CREATE FUNCTION decoy.category(stream_name varchar) RETURNS varchar LANGUAGE sql IMMUTABLE AS $$ SELECT 'decoy'::varchar $$;
          CREATE FUNCTION decoy.is_category(stream_name varchar) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT false $$;
          CREATE FUNCTION decoy.hash_64(value varchar) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT 0::bigint $$;
          CREATE FUNCTION decoy.cardinal_id(stream_name varchar) RETURNS varchar LANGUAGE sql IMMUTABLE AS $$ SELECT 'x'::varchar $$;
          CREATE FUNCTION decoy.id(stream_name varchar) RETURNS varchar LANGUAGE sql IMMUTABLE AS $$ SELECT 'x'::varchar $$;
          CREATE FUNCTION decoy.stream_version(stream_name varchar) RETURNS bigint LANGUAGE sql AS $$ SELECT 41::bigint $$;
          CREATE FUNCTION decoy.acquire_lock(stream_name varchar) RETURNS bigint LANGUAGE sql AS $$ SELECT 1/0 $$;
          CREATE FUNCTION decoy.reader_horizon() RETURNS bigint LANGUAGE sql AS $$ SELECT 0::bigint $$;
          CREATE FUNCTION decoy.register_writer() RETURNS void LANGUAGE sql AS $$ SELECT 1/0 $$;
          """);
    }
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Test
  void unqualifiedCallsWithTheSchemaOnThePath() throws Exception {
    try (Connection c = Sql.connect(db)) {
      exec(c, "SET search_path = message_store, public");
      String category = Sql.category("unqualified");
      String stream = category + "-1";
      String id = Sql.newId();
      assertThat(value(c, "SELECT write_message(?, ?, ?, ?)", id, stream, "T", "{}")).isEqualTo(0L);
      assertThat(value(c, "SELECT write_message(?::varchar, ?::varchar, ?::varchar, ?::jsonb, ?::jsonb, ?::bigint)",
          Sql.newId(), stream, "T", "{}", null, 0)).isEqualTo(1L);
      assertThat(messages(c, "SELECT * FROM get_stream_messages(?, ?, ?)", stream, 0, 10)).hasSize(2);
      assertThat(messages(c, "SELECT * FROM get_stream_messages(?::varchar, ?::bigint, ?::bigint, ?::varchar)", stream, 0, 10, null))
          .hasSize(2);
      assertThat(messages(c, "SELECT * FROM get_category_messages(?, ?, ?)", category, 1, 10)).hasSize(2);
      assertThat(messages(c, "SELECT * FROM get_category_messages(?::varchar, ?::bigint, ?::bigint, ?::varchar, ?::bigint, ?::bigint, ?::varchar)",
          category, 1, 10, null, 0, 1, null)).hasSize(2);
      assertThat(messages(c, "SELECT * FROM get_last_stream_message(?)", stream)).extracting(Message::position).containsExactly(1L);
      assertThat(messages(c, "SELECT * FROM get_last_stream_message(?, ?)", stream, "T")).hasSize(1);
      assertThat(messages(c, "SELECT * FROM get_all_messages(?, ?)", 1, 10)).extracting(Message::id).contains(id);
      assertThat(value(c, "SELECT stream_version(?)", stream)).isEqualTo(1L);
      assertThat(value(c, "SELECT message_store_version()")).isEqualTo("1.3.0");
      assertThat(value(c, "SELECT category(?) || '/' || id(?) || '/' || cardinal_id(?) || '/' || is_category(?)::text",
          "a-b+c", "a-b+c", "a-b+c", "a-b+c")).isEqualTo("a/b+c/b/false");
      assertThat(value(c, "SELECT hash_64(?)", "account")).isEqualTo(-2132379389342958165L);
      c.setAutoCommit(false);
      assertThat(value(c, "SELECT acquire_lock(?)", stream)).isEqualTo(Sql.hash64(category));
      c.rollback();
      c.setAutoCommit(true);
      assertThat(rows(c, "SELECT * FROM stream_summary")).hasSize(1);
    }
  }

  @ParameterizedTest(name = "search_path = {0}")
  @ValueSource(strings = {"public", "''", "decoy, public", "pg_catalog"})
  void qualifiedCallsWithoutTheSchemaOnThePath(String searchPath) throws Exception {
    try (Connection c = Sql.connect(db)) {
      exec(c, "SET search_path = " + searchPath);
      String category = Sql.category("qualified");
      String stream = category + "-1";
      String first = Sql.newId();
      assertThat(value(c, "SELECT message_store.write_message(?, ?, ?, ?, ?, ?)", first, stream, "T", "{\"a\":1}",
          "{\"correlationStreamName\":\"reply-1\"}", -1)).isEqualTo(0L);
      assertThat(value(c, "SELECT message_store.write_message(?, ?, ?, ?, ?, ?)", Sql.newId(), stream, "U", "{}", null, 0))
          .isEqualTo(1L);
      assertThat(value(c, "SELECT message_store.write_message(?, ?, ?, ?)", Sql.newId(), category + "-2", "T", "{}")).isEqualTo(0L);
      assertThat(Sql.error(() -> value(c, "SELECT message_store.write_message(?, ?, ?, ?, ?, ?)", Sql.newId(), stream, "T", "{}", null, 0))
          .message()).isEqualTo("Wrong expected version: 0 (Stream: " + stream + ", Stream Version: 1)");
      assertThat(value(c, "SELECT message_store.stream_version(?)", stream)).isEqualTo(1L);

      assertThat(messages(c, "SELECT * FROM message_store.get_stream_messages(?)", stream))
          .extracting(Message::position).containsExactly(0L, 1L);
      assertThat(Sql.error(() -> messages(c, "SELECT * FROM message_store.get_stream_messages(?)", category)).message())
          .isEqualTo("Must be a stream name: " + category);
      assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(?)", category)).hasSize(3);
      assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(category => ?, correlation => ?)", category, "reply"))
          .extracting(Message::id).containsExactly(first);
      long member = Sql.member(stream, 2);
      assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(?, ?, ?, ?, ?, ?)", category, 1, 10, null, member, 2))
          .extracting(Message::streamName).contains(stream)
          .allSatisfy(s -> assertThat(Sql.member(s, 2)).isEqualTo(member));
      assertThat(messages(c, "SELECT * FROM message_store.get_last_stream_message(?, ?)", stream, "T"))
          .extracting(Message::id).containsExactly(first);
      assertThat(messages(c, "SELECT * FROM message_store.get_all_messages()")).extracting(Message::id).contains(first);
      assertThat(value(c, "SELECT message_store.message_store_version()")).isEqualTo("1.3.0");
      assertThat(value(c, "SELECT message_store.is_category(?)", "a-1")).isEqualTo(false);
      assertThat(value(c, "SELECT message_store.cardinal_id(?)", "a-1+2")).isEqualTo("1");
      c.setAutoCommit(false);
      assertThat(value(c, "SELECT message_store.acquire_lock(?)", "account-1")).isEqualTo(-2132379389342958165L);
      c.rollback();
      c.setAutoCommit(true);
      assertThat(rows(c, "SELECT * FROM message_store.category_type_summary")).isNotEmpty();

      exec(c, "SET message_store.sql_condition = on");
      assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(category => ?, condition => ?)", category, "type = 'U'"))
          .hasSize(1);
      assertThat(messages(c, "SELECT * FROM message_store.get_stream_messages(stream_name => ?, condition => ?)", stream, "position = 1"))
          .hasSize(1);
    }
  }
}
