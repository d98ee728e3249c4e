package dev.videotutorials.messagestore.sql;

import static dev.videotutorials.messagestore.sql.Sql.error;
import static dev.videotutorials.messagestore.sql.Sql.messages;
import static dev.videotutorials.messagestore.sql.Sql.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.sql.Sql.Message;
import dev.videotutorials.messagestore.sql.Sql.PgError;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Consumer-group reads: member = abs(hash_64(cardinal_id)) mod size, argument errors and their order. */
class ConsumerGroupTest {

  private static final String GROUP_READ =
      "SELECT * FROM message_store.get_category_messages(category => ?, consumer_group_member => ?, consumer_group_size => ?)";

  private static TestDatabase db;
  private static String category;
  /** Message id → stream name, for every message of the category. */
  private static final Map<String, String> streamOf = new HashMap<>();

  private Connection c;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.withMessageStore();
    category = Sql.category("group");
    try (Connection c = Sql.connect(db)) {
      List<String> streams = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        streams.add(category + "-" + i);
      }
      streams.add(category + "-123");
      streams.add(category + "-123+abc");
      streams.add(category + "-abc+123");
      streams.add(category + "-+empty");
      streams.add(category + "-a-b");
      streams.add(category);
      for (int round = 0; round < 3; round++) {
        for (String stream : streams) {
          streamOf.put(write(c, stream, "T"), stream);
        }
      }
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
  void everyMessageWithAnIdGoesToExactlyTheComputedMemberForSizesOneToFive() throws Exception {
    for (long size = 1; size <= 5; size++) {
      Map<String, Long> seen = new HashMap<>();
      for (long member = 0; member < size; member++) {
        for (Message m : messages(c, GROUP_READ, category, member, size)) {
          assertThat(seen.put(m.id(), member)).as("message %s seen by two members of %s", m.id(), size).isNull();
          assertThat(member).as("member of %s in a group of %s", m.streamName(), size).isEqualTo(Sql.member(m.streamName(), size));
        }
      }
      long withId = streamOf.values().stream().filter(s -> s.contains("-")).count();
      assertThat(seen).as("group size %s", size).hasSize((int) withId);
      assertThat(seen.keySet()).allSatisfy(id -> assertThat(streamOf.get(id)).contains("-"));
    }
  }

  @Test
  void streamsWithoutAnIdNeverMatchAnyMember() throws Exception {
    assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(?)", category))
        .extracting(Message::streamName).contains(category);
    for (long member = 0; member < 3; member++) {
      assertThat(messages(c, GROUP_READ, category, member, 3)).extracting(Message::streamName).doesNotContain(category);
    }
    assertThat(messages(c, GROUP_READ, category, 0, 1)).extracting(Message::streamName)
        .doesNotContain(category)
        .contains(category + "-+empty"); // an empty cardinal id hashes '' and is included
  }

  @Test
  void compoundIdsGoWithTheirCardinalId() throws Exception {
    for (long size = 2; size <= 7; size++) {
      long member = Sql.member(category + "-123", size);
      List<String> streams = messages(c, GROUP_READ, category, member, size).stream().map(Message::streamName).toList();
      assertThat(streams).contains(category + "-123", category + "-123+abc");
    }
    // Hand-checked against the vector table: cardinal id 123 → member 1 of 2 and 1 of 3; abc → 0 of 2, 2 of 3.
    assertThat(messages(c, GROUP_READ, category, 1, 3)).extracting(Message::streamName)
        .contains(category + "-123", category + "-123+abc").doesNotContain(category + "-abc+123");
    assertThat(messages(c, GROUP_READ, category, 2, 3)).extracting(Message::streamName)
        .contains(category + "-abc+123").doesNotContain(category + "-123");
  }

  @Test
  void largeGroupSizesWork() throws Exception {
    long size = 40_000;
    String stream = category + "-7";
    long member = Sql.member(stream, size);
    List<Message> rows = messages(c, GROUP_READ, category, member, size);
    assertThat(rows).extracting(Message::streamName).contains(stream);
    assertThat(rows).allSatisfy(m -> assertThat(Sql.member(m.streamName(), size)).isEqualTo(member));
    assertThat(messages(c, GROUP_READ, category, 39_999, size))
        .allSatisfy(m -> assertThat(Sql.member(m.streamName(), size)).isEqualTo(39_999L));
    assertThat(messages(c, GROUP_READ, category, 0, 5_000_000_000L))
        .allSatisfy(m -> assertThat(Sql.member(m.streamName(), 5_000_000_000L)).isZero());
  }

  @Test
  void combinesWithCorrelationPositionAndBatchSize() throws Exception {
    String cat = Sql.category("groupCorr");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String stream = cat + "-" + i;
      String id = Sql.newId();
      String metadata = i % 3 == 0 ? null : "{\"correlationStreamName\": \"reply-" + i + "\"}";
      write(c, id, stream, "T", "{}", metadata, null);
      if (metadata != null && Sql.member(stream, 2) == 1) {
        expected.add(id);
      }
    }
    assertThat(expected).hasSizeGreaterThan(3);
    List<Message> all = messages(c, "SELECT * FROM message_store.get_category_messages(?, ?, ?, ?, ?, ?)",
        cat, 1, 1000, "reply", 1, 2);
    assertThat(all).extracting(Message::id).containsExactlyElementsOf(expected);
    List<Message> page = messages(c, "SELECT * FROM message_store.get_category_messages(?, ?, ?, ?, ?, ?)",
        cat, all.get(1).globalPosition(), 2, "reply", 1, 2);
    assertThat(page).isEqualTo(all.subList(1, 3));
  }

  @Test
  void argumentErrorsInOrder() throws Exception {
    String sql = "SELECT * FROM message_store.get_category_messages(?, ?, ?, ?, ?, ?, ?)";
    assertError(sql, "P0001", "Consumer group member and size must be specified (Consumer Group Member: 0, Consumer Group Size: <NULL>)",
        category, 1, 10, null, 0, null, null);
    assertError(sql, "P0001", "Consumer group member and size must be specified (Consumer Group Member: <NULL>, Consumer Group Size: 2)",
        category, 1, 10, null, null, 2, null);
    assertError(sql, "P0001", "Consumer group size must not be less than 1 (Consumer Group Member: 0, Consumer Group Size: 0)",
        category, 1, 10, null, 0, 0, null);
    assertError(sql, "P0001", "Consumer group member must not be less than 0 (Consumer Group Member: -1, Consumer Group Size: 2)",
        category, 1, 10, null, -1, 2, null);
    assertError(sql, "P0001", "Consumer group member must be less than the group size (Consumer Group Member: 2, Consumer Group Size: 2)",
        category, 1, 10, null, 2, 2, null);

    // Order: category, then correlation, then member/size presence, size, member range, then condition.
    assertError(sql, "P0001", "Must be a category: " + category + "-1", category + "-1", 1, 10, "x-1", 0, null, "true");
    assertError(sql, "P0001", "Correlation must be a category (Correlation: x-1)", category, 1, 10, "x-1", 0, null, "true");
    assertError(sql, "P0001", "Consumer group member and size must be specified (Consumer Group Member: -1, Consumer Group Size: <NULL>)",
        category, 1, 10, null, -1, null, "true");
    assertError(sql, "P0001", "Consumer group size must not be less than 1 (Consumer Group Member: -1, Consumer Group Size: -5)",
        category, 1, 10, null, -1, -5, "true");
    assertError(sql, "P0001", "Consumer group member must not be less than 0 (Consumer Group Member: -1, Consumer Group Size: 1)",
        category, 1, 10, null, -1, 1, "true");
    assertError(sql, "P0001", "Retrieval with SQL condition is not activated", category, 1, 10, null, 0, 1, "true");
    // Negative batch sizes are only rejected when the query runs, after all argument checks.
    assertError(sql, "P0001", "Consumer group member must be less than the group size (Consumer Group Member: 3, Consumer Group Size: 3)",
        category, 1, -5, null, 3, 3, null);
  }

  private void assertError(String sql, String sqlState, String message, Object... params) {
    PgError e = error(() -> messages(c, sql, params));
    assertThat(e.message()).isEqualTo(message);
    assertThat(e.sqlState()).isEqualTo(sqlState);
  }
}
