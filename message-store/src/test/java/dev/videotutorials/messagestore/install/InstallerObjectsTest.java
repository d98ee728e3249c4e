package dev.videotutorials.messagestore.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What an install into an empty database creates, checked against Message DB 1.3's list (spec §1). */
class InstallerObjectsTest {

  private static final List<String> MESSAGE_DB_FUNCTIONS = List.of(
      "message_store.acquire_lock(character varying)",
      "message_store.cardinal_id(character varying)",
      "message_store.category(character varying)",
      "message_store.get_category_messages(character varying,bigint,bigint,character varying,bigint,bigint,character varying)",
      "message_store.get_last_stream_message(character varying,character varying)",
      "message_store.get_stream_messages(character varying,bigint,bigint,character varying)",
      "message_store.hash_64(character varying)",
      "message_store.id(character varying)",
      "message_store.is_category(character varying)",
      "message_store.message_store_version()",
      "message_store.stream_version(character varying)",
      "message_store.write_message(character varying,character varying,character varying,jsonb,jsonb,bigint)");

  private static final List<String> VIEWS = List.of(
      "category_type_summary", "stream_summary", "stream_type_summary",
      "type_category_summary", "type_stream_summary", "type_summary");

  private static TestDatabase db;

  @BeforeAll
  static void install() {
    db = TestDatabase.empty();
    new Installer(db.dataSource()).install();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void theRoleCanLogInAndHasNoPasswordAndNoPowers() throws Exception {
    assertThat(StoreRows.queryString(db.dataSource(),
        "SELECT concat_ws(',', rolcanlogin, rolsuper, rolcreatedb, rolcreaterole) FROM pg_roles WHERE rolname = 'message_store'"))
        .isEqualTo("t,f,f,f");
    assumeTrue(superuser(), "reading pg_authid needs a superuser");
    assertThat(StoreRows.queryString(db.dataSource(),
        "SELECT rolpassword IS NULL FROM pg_authid WHERE rolname = 'message_store'")).isEqualTo("t");
  }

  private static boolean superuser() throws SQLException {
    return "t".equals(StoreRows.queryString(db.dataSource(), "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
  }

  @Test
  void theSchemaBelongsToTheInstallingUserNotToTheRole() throws Exception {
    assertThat(StoreRows.queryString(db.dataSource(),
        "SELECT pg_get_userbyid(nspowner) = current_user FROM pg_namespace WHERE nspname = 'message_store'"))
        .isEqualTo("t");
  }

  @Test
  void theTableHasMessageDbsColumnsInMessageDbsOrder() throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      assertThat(StoreRows.all(c, """
          SELECT column_name, data_type FROM information_schema.columns
          WHERE table_schema = 'message_store' AND table_name = 'messages' ORDER BY ordinal_position"""))
          .containsExactly(
              "global_position | bigint",
              "position | bigint",
              "time | timestamp without time zone",
              "stream_name | text",
              "type | text",
              "data | jsonb",
              "metadata | jsonb",
              "id | uuid");
    }
  }

  @Test
  void everyMessageDbFunctionExistsWithExactlyOneOverload() throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      List<String> functions = StoreRows.all(c,
          "SELECT oid::regprocedure::text FROM pg_proc WHERE pronamespace = 'message_store'::regnamespace");
      assertThat(functions).containsAll(MESSAGE_DB_FUNCTIONS);
      assertThat(StoreRows.all(c, """
          SELECT proname FROM pg_proc WHERE pronamespace = 'message_store'::regnamespace
          GROUP BY proname HAVING count(*) > 1""")).isEmpty();
    }
  }

  @Test
  void indexesViewsAndTheTypeExist() throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      assertThat(StoreRows.all(c, "SELECT indexname FROM pg_indexes WHERE schemaname = 'message_store' AND tablename = 'messages'"))
          .contains("messages_pkey", "messages_id", "messages_stream", "messages_category");
      assertThat(StoreRows.all(c, "SELECT viewname FROM pg_views WHERE schemaname = 'message_store' ORDER BY 1"))
          .containsExactlyElementsOf(VIEWS);
      assertThat(StoreRows.all(c, """
          SELECT attname || ' ' || format_type(atttypid, atttypmod) FROM pg_attribute
          WHERE attrelid = 'message_store.message'::regclass AND attnum > 0 ORDER BY attnum"""))
          .containsExactly("id character varying", "stream_name character varying", "type character varying",
              "position bigint", "global_position bigint", "data character varying",
              "metadata character varying", "time timestamp without time zone");
    }
  }

  @Test
  void theRoleMayReadAndAppendButNotChangeOrRemove() throws Exception {
    try (Connection c = db.dataSource().getConnection()) {
      assertThat(StoreRows.all(c, """
          SELECT concat_ws(',',
            has_schema_privilege('message_store', 'message_store', 'USAGE'),
            has_table_privilege('message_store', 'message_store.messages', 'SELECT'),
            has_table_privilege('message_store', 'message_store.messages', 'INSERT'),
            has_table_privilege('message_store', 'message_store.messages', 'UPDATE'),
            has_table_privilege('message_store', 'message_store.messages', 'DELETE'),
            has_table_privilege('message_store', 'message_store.messages', 'TRUNCATE'),
            has_sequence_privilege('message_store', 'message_store.messages_global_position_seq', 'USAGE'))"""))
          .containsExactly("t,t,t,f,f,f,t");
      assertThat(StoreRows.all(c, """
          SELECT oid::regprocedure::text FROM pg_proc WHERE pronamespace = 'message_store'::regnamespace
          AND NOT has_function_privilege('message_store', oid, 'EXECUTE')""")).isEmpty();
      for (String view : VIEWS) {
        assertThat(StoreRows.all(c, "SELECT has_table_privilege('message_store', 'message_store." + view + "', 'SELECT')"))
            .as(view).containsExactly("t");
      }
    }
  }

  @Test
  void asTheRoleAClientWritesReadsAndSummarisesButCannotDelete() throws Exception {
    assumeTrue(superuser(), "SET ROLE message_store needs a superuser");
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        s.execute("SET LOCAL ROLE message_store");
        s.execute("SELECT message_store.write_message(gen_random_uuid()::varchar, 'roleCheck-1', 'Checked', '{\"a\": 1}')");
        assertThat(StoreRows.all(c, "SELECT type, data FROM message_store.get_stream_messages('roleCheck-1')"))
            .containsExactly("Checked | {\"a\": 1}");
        assertThat(StoreRows.all(c, "SELECT stream_name, message_count FROM message_store.stream_summary WHERE stream_name = 'roleCheck-1'"))
            .containsExactly("roleCheck-1 | 1");
        assertThatThrownBy(() -> s.execute("DELETE FROM message_store.messages"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("permission denied");
      } finally {
        c.rollback();
      }
    }
  }
}
