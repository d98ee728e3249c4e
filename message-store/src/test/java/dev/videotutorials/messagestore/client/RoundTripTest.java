package dev.videotutorials.messagestore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.MessageStoreException;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Data and metadata come back from the store as they were written; times are UTC. */
class RoundTripTest {

  private static TestDatabase db;
  private static MessageStore store;

  @BeforeAll
  static void createStore() {
    db = TestDatabase.withMessageStore();
    store = new MessageStore(db.dataSource());
  }

  @AfterAll
  static void dropStore() {
    db.close();
  }

  private static String newStream() {
    return "roundTrip-" + UUID.randomUUID();
  }

  @Test
  void dataAndMetadataSurviveTheStore() {
    JsonObject data = JsonObject.parse("""
        {
          "text": "Ünïcödé 日本語 😀 \\"quoted\\" back\\\\slash\\nnew line\\ttab",
          "ключ": "значение",
          "empty": "",
          "int": 42, "negative": -7, "long": 9223372036854775807, "big": 123456789012345678901234567890,
          "decimal": 3.14159, "tiny": 1.0E-10, "zero": 0, "true": true, "false": false, "nothing": null,
          "nested": {"deeper": {"list": [1, "two", {"three": 3}, [], {}], "null": null}},
          "emptyObject": {}, "emptyList": []
        }""");
    Metadata metadata = Metadata.empty()
        .withTraceId(UUID.randomUUID().toString())
        .withUserId("user-ü")
        .withOriginStreamName("origin-1")
        .withCorrelationStreamName("replies-2")
        .with("nested", Map.of("a", List.of(1, 2)))
        .withExplicitNull("explicitlyNothing");
    String stream = newStream();

    store.write(stream, NewMessage.of("Noted", data, metadata));
    Message read = store.readLast(stream).orElseThrow();

    assertThat(read.data()).isEqualTo(data);
    assertThat(read.data().toNode().get("big").bigIntegerValue())
        .isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(read.data().longValue("long")).isEqualTo(Long.MAX_VALUE);
    assertThat(read.data().toNode().get("decimal").doubleValue()).isEqualTo(3.14159);
    assertThat(read.metadata()).isEqualTo(metadata);
    assertThat(read.metadata().fields().toNode().get("explicitlyNothing").isNull()).isTrue();
    assertThat(read.metadata().userId()).isEqualTo("user-ü");
  }

  @Test
  void streamNamesAndTypesOutsideAsciiSurviveTheStore() {
    String stream = "vidéo:命令-" + UUID.randomUUID() + "+😀";
    store.write(stream, NewMessage.of("Ereignis-Ü", JsonObject.empty()));

    Message read = store.readStream(stream).get(0);

    assertThat(read.streamName()).isEqualTo(stream);
    assertThat(read.type()).isEqualTo("Ereignis-Ü");
    assertThat(read.data().isEmpty()).isTrue();
    assertThat(read.metadata().isEmpty()).isTrue();
  }

  @Test
  void emptyMetadataIsStoredAsSqlNullAndEmptyDataAsAnEmptyObject() throws SQLException {
    String stream = newStream();
    store.write(stream, NewMessage.of("Noted", JsonObject.empty()));

    try (Connection connection = db.dataSource().getConnection();
         PreparedStatement statement = connection.prepareStatement(
             "SELECT data::text, metadata::text FROM message_store.messages WHERE stream_name = ?")) {
      statement.setString(1, stream);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("{}");
        assertThat(rs.getString(2)).isNull();
      }
    }
  }

  @Test
  void sqlNullDataAndMetadataWrittenByOtherClientsReadAsEmpty() throws SQLException {
    String stream = newStream();
    UUID id = UUID.randomUUID();
    writeRaw(id, stream, null, null);

    Message read = store.readLast(stream).orElseThrow();

    assertThat(read.id()).isEqualTo(id);
    assertThat(read.data()).isEqualTo(JsonObject.empty());
    assertThat(read.metadata()).isEqualTo(Metadata.empty());
  }

  @Test
  void dataThatIsNotAnObjectGivesAStoreErrorNamingTheMessage() throws SQLException {
    String stream = newStream();
    UUID id = UUID.randomUUID();
    writeRaw(id, stream, "[1,2]", null);

    assertThatThrownBy(() -> store.readStream(stream))
        .isInstanceOf(MessageStoreException.class)
        .hasMessageContaining(id.toString())
        .hasMessageContaining(stream)
        .hasMessageContaining("Not a JSON object");
  }

  @Test
  void timeIsTheUtcStartOfTheWritingTransaction() throws SQLException {
    // A session in a time zone far from UTC must not shift the stored or the returned time.
    try (HikariDataSource farAway = TestPools.withInitSql(db.connectionString(), "SET TIME ZONE 'Pacific/Chatham'")) {
      MessageStore farAwayStore = new MessageStore(farAway);
      Instant before = serverNow();
      String stream = newStream();
      farAwayStore.write(stream, List.of(NewMessage.of("A", null), NewMessage.of("B", null)), null);
      Instant after = serverNow();

      List<Message> messages = farAwayStore.readStream(stream);
      assertThat(messages.get(0).time()).isBetween(before, after).isEqualTo(messages.get(1).time());
      assertThat(store.readStream(stream).get(0).time()).isEqualTo(messages.get(0).time());
    }
  }

  private static Instant serverNow() throws SQLException {
    try (Connection connection = db.dataSource().getConnection();
         PreparedStatement statement = connection.prepareStatement("SELECT now()")) {
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getObject(1, OffsetDateTime.class).toInstant();
      }
    }
  }

  private static void writeRaw(UUID id, String stream, String data, String metadata) throws SQLException {
    try (Connection connection = db.dataSource().getConnection();
         PreparedStatement statement = connection.prepareStatement(
             "SELECT message_store.write_message(?, ?, 'Raw', ?::jsonb, ?::jsonb)")) {
      statement.setString(1, id.toString());
      statement.setString(2, stream);
      statement.setString(3, data);
      statement.setString(4, metadata);
      statement.executeQuery().close();
    }
  }
}
