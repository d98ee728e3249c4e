package dev.videotutorials.messagestore.sql;

import static dev.videotutorials.messagestore.sql.Sql.error;
import static dev.videotutorials.messagestore.sql.Sql.messages;
import static dev.videotutorials.messagestore.sql.Sql.value;
import static dev.videotutorials.messagestore.sql.Sql.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.sql.Sql.Message;
import dev.videotutorials.messagestore.sql.Sql.PgError;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** write_message and stream_version: results, expected versions, error texts and their order. */
class WriteMessageTest extends SqlTestCase {

  private static String stream() {
    return Sql.category("writeTest") + "-" + Sql.newId();
  }

  @Test
  void returnsTheStreamPositionNotTheGlobalPosition() throws Exception {
    String other = stream();
    for (int i = 0; i < 5; i++) {
      write(c, other, "Filler");
    }
    String stream = stream();
    assertThat(write(c, Sql.newId(), stream, "T", "{}", null, null)).isZero();
    assertThat(write(c, Sql.newId(), stream, "T", "{}", null, null)).isEqualTo(1);
    assertThat(write(c, Sql.newId(), stream, "T", "{}", null, null)).isEqualTo(2);

    List<Message> rows = messages(c, "SELECT * FROM message_store.get_stream_messages(?)", stream);
    assertThat(rows).extracting(Message::position).containsExactly(0L, 1L, 2L);
    assertThat(rows.get(0).globalPosition()).isGreaterThan(2);
    assertThat(value(c, "SELECT message_store.stream_version(?)", stream)).isEqualTo(2L);
  }

  @Test
  void resultColumnIsBigint() throws Exception {
    try (PreparedStatement ps = c.prepareStatement("SELECT message_store.write_message(?, ?, ?, ?)")) {
      Sql.bind(ps, Sql.newId(), stream(), "T", "{}");
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.getMetaData().getColumnTypeName(1)).isEqualTo("int8");
        assertThat(rs.getMetaData().getColumnLabel(1)).isEqualTo("write_message");
      }
    }
  }

  @Test
  void streamVersionIsNullForAnEmptyStream() throws Exception {
    assertThat(value(c, "SELECT message_store.stream_version(?)", stream())).isNull();
    assertThat(value(c, "SELECT message_store.stream_version(stream_name => ?)", stream())).isNull();
  }

  @Test
  void expectedVersionNullMinusOneAndN() throws Exception {
    String stream = stream();
    assertThat(write(c, Sql.newId(), stream, "T", "{}", null, -1L)).isZero();
    assertThat(write(c, Sql.newId(), stream, "T", "{}", null, 0L)).isEqualTo(1);
    assertThat(write(c, Sql.newId(), stream, "T", "{}", null, null)).isEqualTo(2);
    assertThat(write(c, Sql.newId(), stream, "T", "{}", null, 2L)).isEqualTo(3);

    PgError tooHigh = error(() -> write(c, Sql.newId(), stream, "T", "{}", null, 5L));
    assertThat(tooHigh.sqlState()).isEqualTo("P0001");
    assertThat(tooHigh.message()).isEqualTo("Wrong expected version: 5 (Stream: " + stream + ", Stream Version: 3)");
    assertThat(tooHigh.detail()).isNull();

    PgError mustBeEmpty = error(() -> write(c, Sql.newId(), stream, "T", "{}", null, -1L));
    assertThat(mustBeEmpty.sqlState()).isEqualTo("P0001");
    assertThat(mustBeEmpty.message()).isEqualTo("Wrong expected version: -1 (Stream: " + stream + ", Stream Version: 3)");
    // The message the Practical Microservices client parses with a regex.
    assertThat(mustBeEmpty.message()).matches("^Wrong.*Stream Version: (\\d+)\\)");

    String empty = stream();
    PgError onEmpty = error(() -> write(c, Sql.newId(), empty, "T", "{}", null, 0L));
    assertThat(onEmpty.message()).isEqualTo("Wrong expected version: 0 (Stream: " + empty + ", Stream Version: -1)");
    assertThat(value(c, "SELECT count(*) FROM message_store.messages WHERE stream_name = ?", empty)).isEqualTo(0L);
    assertThat(value(c, "SELECT message_store.stream_version(?)", stream)).isEqualTo(3L);
  }

  @Test
  void versionErrorIsReportedBeforeABadUuid() throws Exception {
    String stream = stream();
    write(c, stream, "T");
    PgError both = error(() -> write(c, "not-a-uuid", stream, "T", "{}", null, 7L));
    assertThat(both.sqlState()).isEqualTo("P0001");
    assertThat(both.message()).isEqualTo("Wrong expected version: 7 (Stream: " + stream + ", Stream Version: 0)");

    PgError badUuid = error(() -> write(c, "not-a-uuid", stream, "T", "{}", null, 0L));
    assertThat(badUuid.sqlState()).isEqualTo("22P02");
    assertThat(badUuid.message()).isEqualTo("invalid input syntax for type uuid: \"not-a-uuid\"");
  }

  @Test
  void duplicateIdNamesTheMessagesIdIndex() throws Exception {
    String id = Sql.newId();
    String stream = stream();
    write(c, id, stream, "T", "{}", null, null);
    PgError duplicate = error(() -> write(c, id, stream(), "T", "{}", null, null));
    assertThat(duplicate.sqlState()).isEqualTo("23505");
    assertThat(duplicate.message()).isEqualTo("duplicate key value violates unique constraint \"messages_id\"");
    assertThat(duplicate.detail()).isEqualTo("Key (id)=(" + id + ") already exists.");
  }

  @Test
  void nullIdTypeOrStreamNameViolateNotNull() throws Exception {
    PgError nullId = error(() -> write(c, null, stream(), "T", "{}", null, null));
    assertThat(nullId.sqlState()).isEqualTo("23502");
    assertThat(nullId.message()).isEqualTo("null value in column \"id\" of relation \"messages\" violates not-null constraint");

    PgError nullType = error(() -> write(c, Sql.newId(), stream(), null, "{}", null, null));
    assertThat(nullType.sqlState()).isEqualTo("23502");
    assertThat(nullType.message()).isEqualTo("null value in column \"type\" of relation \"messages\" violates not-null constraint");

    PgError nullStream = error(() -> write(c, Sql.newId(), null, "T", "{}", null, null));
    assertThat(nullStream.sqlState()).isEqualTo("23502");
    assertThat(nullStream.message())
        .isEqualTo("null value in column \"stream_name\" of relation \"messages\" violates not-null constraint");

    // The version check still runs first, printing the NULL stream name as <NULL>.
    PgError nullStreamVersion = error(() -> write(c, Sql.newId(), null, "T", "{}", null, 0L));
    assertThat(nullStreamVersion.message()).isEqualTo("Wrong expected version: 0 (Stream: <NULL>, Stream Version: -1)");
  }

  @Test
  void upperCaseUuidIsStoredAndReturnedLowerCase() throws Exception {
    String id = "ABCDEF01-2345-4678-9ABC-DEF012345678";
    String stream = stream();
    write(c, id, stream, "T", "{}", null, null);
    List<Message> rows = messages(c, "SELECT * FROM message_store.get_stream_messages(?)", stream);
    assertThat(rows).extracting(Message::id).containsExactly(Sql.lower(id));
    assertThat(value(c, "SELECT id::text FROM message_store.messages WHERE stream_name = ?", stream)).isEqualTo(Sql.lower(id));
  }

  @Test
  void namedNotationAndDefaults() throws Exception {
    String stream = stream();
    String sql = "SELECT message_store.write_message(id => ?, stream_name => ?, \"type\" => ?, data => ?)";
    assertThat(value(c, sql, Sql.newId(), stream, "Opened", "{\"a\":1}")).isEqualTo(0L);
    String full = "SELECT message_store.write_message(expected_version => ?, metadata => ?, data => ?, "
        + "\"type\" => ?, stream_name => ?, id => ?)";
    assertThat(value(c, full, 0, "{\"m\":true}", "{\"b\":2}", "Changed", stream, Sql.newId())).isEqualTo(1L);
    assertThat(error(() -> value(c, full, 0, null, "{}", "Changed", stream, Sql.newId())).message())
        .isEqualTo("Wrong expected version: 0 (Stream: " + stream + ", Stream Version: 1)");

    List<Message> rows = messages(c, "SELECT * FROM message_store.get_stream_messages(?)", stream);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).metadata()).isNull();
    assertThat(rows.get(0).type()).isEqualTo("Opened");
    assertThat(rows.get(1).data()).isEqualTo("{\"b\": 2}");
    assertThat(rows.get(1).metadata()).isEqualTo("{\"m\": true}");
  }

  @Test
  void typedCallsAsTheRubyClientSendsThem() throws Exception {
    String stream = stream();
    String sql = "SELECT message_store.write_message(?::varchar, ?::varchar, ?::varchar, ?::jsonb, ?::jsonb, ?::bigint)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, Sql.newId());
      ps.setString(2, stream);
      ps.setString(3, "T");
      ps.setString(4, "{\"x\":1}");
      ps.setNull(5, Types.VARCHAR);
      ps.setLong(6, -1);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  @Test
  void dataIsNormalisedJsonbTextAndMayBeNull() throws Exception {
    String stream = stream();
    write(c, Sql.newId(), stream, "T", "{\"zeta\":1,\"a\":1,\"bb\":\"xé\",\"a\":2}", "{\"correlationStreamName\":\"x-1\"}", null);
    write(c, Sql.newId(), stream, "T", null, null, null);
    List<Message> rows = messages(c, "SELECT * FROM message_store.get_stream_messages(?)", stream);
    assertThat(rows.get(0).data()).isEqualTo("{\"a\": 2, \"bb\": \"xé\", \"zeta\": 1}");
    assertThat(rows.get(0).metadata()).isEqualTo("{\"correlationStreamName\": \"x-1\"}");
    assertThat(rows.get(1).data()).isNull();
    assertThat(rows.get(1).metadata()).isNull();
  }

  @Test
  void batchWriteInOneTransactionSharesTheUtcTransactionTime() throws Exception {
    String stream = stream();
    c.setAutoCommit(false);
    LocalDateTime transactionTime;
    try (PreparedStatement ps = c.prepareStatement("SELECT now() AT TIME ZONE 'utc'"); ResultSet rs = ps.executeQuery()) {
      rs.next();
      transactionTime = rs.getObject(1, LocalDateTime.class);
    }
    for (long version = -1; version < 3; version++) {
      assertThat(write(c, Sql.newId(), stream, "T", "{}", null, version)).isEqualTo(version + 1);
    }
    c.commit();
    c.setAutoCommit(true);
    List<Message> rows = messages(c, "SELECT * FROM message_store.get_stream_messages(?)", stream);
    assertThat(rows).extracting(Message::time).containsOnly(transactionTime);
    assertThat(rows).extracting(Message::position).containsExactly(0L, 1L, 2L, 3L);
  }

  @Test
  void readOnlyTransactionReportsTheVersionErrorFirstThenTheReadOnlyError() throws Exception {
    String stream = stream();
    write(c, stream, "T");
    c.setAutoCommit(false);
    Sql.exec(c, "SET TRANSACTION READ ONLY");
    PgError version = error(() -> write(c, Sql.newId(), stream, "T", "{}", null, 5L));
    assertThat(version.message()).isEqualTo("Wrong expected version: 5 (Stream: " + stream + ", Stream Version: 0)");
    c.rollback();
    Sql.exec(c, "SET TRANSACTION READ ONLY");
    PgError readOnly = error(() -> write(c, Sql.newId(), stream, "T", "{}", null, 0L));
    assertThat(readOnly.sqlState()).isEqualTo("25006");
    assertThat(readOnly.message()).isEqualTo("cannot execute INSERT in a read-only transaction");
    c.rollback();
    c.setAutoCommit(true);
  }

  @Test
  void rolledBackWriteLeavesNoTrace() throws Exception {
    String stream = stream();
    c.setAutoCommit(false);
    write(c, stream, "T");
    c.rollback();
    c.setAutoCommit(true);
    assertThat(value(c, "SELECT message_store.stream_version(?)", stream)).isNull();
    assertThat(write(c, Sql.newId(), stream, "T", "{}", null, -1L)).isZero();
  }
}
