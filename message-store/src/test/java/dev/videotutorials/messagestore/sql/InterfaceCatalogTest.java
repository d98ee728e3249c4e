package dev.videotutorials.messagestore.sql;

import static dev.videotutorials.messagestore.sql.Sql.rows;
import static dev.videotutorials.messagestore.sql.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalogue shape clients depend on: signatures, single overloads, type, table, indexes, version. */
class InterfaceCatalogTest {

  private static TestDatabase db;
  private static Connection c;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.withMessageStore();
    c = Sql.connect(db);
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    c.close();
    db.close();
  }

  @Test
  void messageStoreVersion() throws Exception {
    assertThat(value(c, "SELECT message_store.message_store_version()")).isEqualTo("1.3.0");
    assertThat(value(c, "SELECT pg_typeof(message_store.message_store_version())::text")).isEqualTo("character varying");
    assertThat(value(c, "SELECT count(*) FROM pg_proc WHERE proname = 'get_message_store_version'")).isEqualTo(0L);
  }

  @Test
  void functionSignaturesParameterNamesAndDefaults() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("acquire_lock", "stream_name character varying -> bigint v");
    expected.put("cardinal_id", "stream_name character varying -> character varying i");
    expected.put("category", "stream_name character varying -> character varying i");
    expected.put("get_all_messages", "\"position\" bigint DEFAULT 1, batch_size bigint DEFAULT 1000 -> SETOF message_store.message v");
    expected.put("get_category_messages", "category character varying, \"position\" bigint DEFAULT 1, "
        + "batch_size bigint DEFAULT 1000, correlation character varying DEFAULT NULL::character varying, "
        + "consumer_group_member bigint DEFAULT NULL::bigint, consumer_group_size bigint DEFAULT NULL::bigint, "
        + "condition character varying DEFAULT NULL::character varying -> SETOF message_store.message v");
    expected.put("get_last_stream_message", "stream_name character varying, type character varying DEFAULT NULL::character varying"
        + " -> SETOF message_store.message v");
    expected.put("get_stream_messages", "stream_name character varying, \"position\" bigint DEFAULT 0, "
        + "batch_size bigint DEFAULT 1000, condition character varying DEFAULT NULL::character varying"
        + " -> SETOF message_store.message v");
    expected.put("hash_64", "value character varying -> bigint i");
    expected.put("id", "stream_name character varying -> character varying i");
    expected.put("is_category", "stream_name character varying -> boolean i");
    expected.put("message_store_version", " -> character varying v");
    expected.put("reader_horizon", " -> bigint v");
    expected.put("register_writer", " -> void v");
    expected.put("stream_version", "stream_name character varying -> bigint v");
    expected.put("write_message", "id character varying, stream_name character varying, type character varying, data jsonb, "
        + "metadata jsonb DEFAULT NULL::jsonb, expected_version bigint DEFAULT NULL::bigint -> bigint v");

    List<List<Object>> functions = rows(c, """
        SELECT p.proname::text,
               pg_get_function_arguments(p.oid) || ' -> ' || pg_get_function_result(p.oid) || ' ' || p.provolatile::text,
               p.prosecdef, p.proisstrict, p.proconfig IS NULL
          FROM pg_proc p
         WHERE p.pronamespace = 'message_store'::regnamespace
         ORDER BY 1""");
    Map<String, String> actual = functions.stream()
        .collect(Collectors.toMap(r -> (String) r.get(0), r -> (String) r.get(1), (a, b) -> a + " | " + b, LinkedHashMap::new));
    assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    // SECURITY INVOKER, not STRICT, no SET clause, like Message DB.
    assertThat(functions).allSatisfy(r -> assertThat(r.subList(2, 5)).containsExactly(false, false, true));
  }

  @Test
  void exactlyOneOverloadPerFunctionNameInTheSchema() throws Exception {
    assertThat(rows(c, """
        SELECT proname FROM pg_proc WHERE pronamespace = 'message_store'::regnamespace
        GROUP BY proname HAVING count(*) > 1""")).isEmpty();
    // And no function of the same name elsewhere that an unqualified call could pick up instead.
    assertThat(rows(c, """
        SELECT n.nspname, p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname <> 'message_store'
           AND p.proname IN (SELECT proname FROM pg_proc WHERE pronamespace = 'message_store'::regnamespace)""")).isEmpty();
  }

  @Test
  void messageCompositeType() throws Exception {
    assertThat(rows(c, """
        SELECT a.attname::text, format_type(a.atttypid, a.atttypmod)
          FROM pg_attribute a
         WHERE a.attrelid = 'message_store.message'::regtype::oid::regclass AND a.attnum > 0 AND NOT a.attisdropped
         ORDER BY a.attnum""".replace("'message_store.message'::regtype::oid::regclass",
        "(SELECT typrelid FROM pg_type WHERE oid = 'message_store.message'::regtype)")))
        .containsExactly(
            List.of("id", "character varying"),
            List.of("stream_name", "character varying"),
            List.of("type", "character varying"),
            List.of("position", "bigint"),
            List.of("global_position", "bigint"),
            List.of("data", "character varying"),
            List.of("metadata", "character varying"),
            List.of("time", "timestamp without time zone"));
  }

  @Test
  void messagesTableColumnsInOrder() throws Exception {
    assertThat(rows(c, """
        SELECT column_name::text, data_type::text, is_nullable::text, coalesce(column_default, '')::text
          FROM information_schema.columns
         WHERE table_schema = 'message_store' AND table_name = 'messages'
         ORDER BY ordinal_position""")).containsExactly(
        List.of("global_position", "bigint", "NO", "nextval('message_store.messages_global_position_seq'::regclass)"),
        List.of("position", "bigint", "NO", ""),
        List.of("time", "timestamp without time zone", "NO", "(now() AT TIME ZONE 'utc'::text)"),
        List.of("stream_name", "text", "NO", ""),
        List.of("type", "text", "NO", ""),
        List.of("data", "jsonb", "YES", ""),
        List.of("metadata", "jsonb", "YES", ""),
        List.of("id", "uuid", "NO", "gen_random_uuid()"));
  }

  @Test
  void indexes() throws Exception {
    assertThat(rows(c, """
        SELECT indexname::text, indexdef FROM pg_indexes
         WHERE schemaname = 'message_store' AND tablename = 'messages' ORDER BY 1""")).containsExactly(
        List.of("messages_category", "CREATE INDEX messages_category ON message_store.messages USING btree "
            + "(message_store.category((stream_name)::character varying), global_position, "
            + "message_store.category(((metadata ->> 'correlationStreamName'::text))::character varying))"),
        List.of("messages_id", "CREATE UNIQUE INDEX messages_id ON message_store.messages USING btree (id)"),
        List.of("messages_pkey", "CREATE UNIQUE INDEX messages_pkey ON message_store.messages USING btree (global_position)"),
        List.of("messages_stream", "CREATE UNIQUE INDEX messages_stream ON message_store.messages USING btree (stream_name, \"position\")"));
  }

  @Test
  void globalPositionSequenceIsNotCachedPerBackend() throws Exception {
    // reader_horizon() relies on every drawn value being visible in the sequence's last_value at once.
    assertThat(value(c, """
        SELECT cache_size FROM pg_sequences
         WHERE schemaname = 'message_store' AND sequencename = 'messages_global_position_seq'""")).isEqualTo(1L);
  }

  @Test
  void roleHasNoSearchPathAndSchemaIsNotOwnedByIt() throws Exception {
    assertThat(value(c, "SELECT rolcanlogin FROM pg_roles WHERE rolname = 'message_store'")).isEqualTo(true);
    assertThat(value(c, "SELECT pg_get_userbyid(nspowner)::text FROM pg_namespace WHERE nspname = 'message_store'"))
        .isNotEqualTo("message_store");
  }
}
