package dev.videotutorials.messagestore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.messagestore.CategoryRead;
import dev.videotutorials.messagestore.Hash64;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.MessageStoreException;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.StreamName;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReadTest {

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

  /** A category name no other test uses. */
  private static String newCategory() {
    return "cat" + UUID.randomUUID().toString().replace("-", "");
  }

  private static NewMessage event(String type, int n) {
    return NewMessage.of(type, JsonObject.of("n", n));
  }

  private static List<Long> numbers(List<Message> messages) {
    return messages.stream().map(m -> m.data().longValue("n")).toList();
  }

  @Test
  void readStreamFromAPositionInBatches() {
    String stream = StreamName.of(newCategory(), "1");
    for (int n = 0; n < 7; n++) {
      store.write(stream, event("Counted", n));
    }
    store.write(StreamName.of(StreamName.category(stream), "2"), event("Counted", 99));

    assertThat(numbers(store.readStream(stream, 0, 3))).containsExactly(0L, 1L, 2L);
    assertThat(numbers(store.readStream(stream, 3, 3))).containsExactly(3L, 4L, 5L);
    assertThat(numbers(store.readStream(stream, 6, 3))).containsExactly(6L);
    assertThat(store.readStream(stream, 7, 3)).isEmpty();
    assertThat(numbers(store.readStream(stream, 2, -1))).containsExactly(2L, 3L, 4L, 5L, 6L);
    assertThat(store.readStream(stream, 0, 0)).isEmpty();
    assertThat(store.readStream(stream)).extracting(Message::position).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(store.readStream(StreamName.of(newCategory(), "none"))).isEmpty();
  }

  @Test
  void readStreamMapsEveryColumn() {
    String stream = StreamName.of(newCategory(), "42");
    NewMessage written = NewMessage.of("Opened", JsonObject.of("name", "x"), Metadata.empty().withTraceId("t-1"));
    store.write(stream, event("Before", 0));
    store.write(stream, written);

    Message read = store.readStream(stream, 1, 1).get(0);

    assertThat(read.id()).isEqualTo(written.id());
    assertThat(read.streamName()).isEqualTo(stream);
    assertThat(read.type()).isEqualTo("Opened");
    assertThat(read.position()).isEqualTo(1);
    assertThat(read.globalPosition()).isGreaterThan(store.readStream(stream, 0, 1).get(0).globalPosition());
    assertThat(read.data()).isEqualTo(written.data());
    assertThat(read.metadata()).isEqualTo(written.metadata());
    assertThat(read.time()).isNotNull();
    assertThat(read.category()).isEqualTo(StreamName.category(stream));
    assertThat(read.streamId()).isEqualTo("42");
  }

  @Test
  void readCategoryFromAGlobalPositionWithABatchSize() {
    String category = newCategory();
    for (int n = 0; n < 5; n++) {
      store.write(StreamName.of(category, String.valueOf(n % 2)), event("Counted", n));
    }
    store.write(StreamName.of(newCategory(), "0"), event("Counted", 99));
    store.write(StreamName.categoryWithTypes(category, "command") + "-0", event("Counted", 98));

    List<Message> all = store.readCategory(CategoryRead.of(category));
    assertThat(numbers(all)).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(all).extracting(Message::globalPosition).isSorted();

    List<Message> firstTwo = store.readCategory(CategoryRead.of(category).batchSize(2));
    assertThat(numbers(firstTwo)).containsExactly(0L, 1L);
    long next = firstTwo.get(1).globalPosition() + 1;
    assertThat(numbers(store.readCategory(CategoryRead.of(category).fromPosition(next).batchSize(2))))
        .containsExactly(2L, 3L);
    assertThat(numbers(store.readCategory(CategoryRead.of(category).fromPosition(all.get(4).globalPosition()))))
        .containsExactly(4L);
    assertThat(store.readCategory(CategoryRead.of(category).fromPosition(all.get(4).globalPosition() + 1))).isEmpty();
    assertThat(numbers(store.readCategory(CategoryRead.of(category).batchSize(-1)))).hasSize(5);
  }

  @Test
  void readCategoryIncludesAStreamNamedLikeTheCategory() {
    String category = newCategory();
    store.write(category, event("Counted", 0));
    store.write(StreamName.of(category, "1"), event("Counted", 1));

    assertThat(numbers(store.readCategory(CategoryRead.of(category)))).containsExactly(0L, 1L);
  }

  @Test
  void readCategoryByCorrelation() {
    String category = newCategory();
    String replies = newCategory();
    store.write(StreamName.of(category, "1"), event("Done", 0).withMetadata(
        Metadata.empty().withCorrelationStreamName(StreamName.of(replies, "a"))));
    store.write(StreamName.of(category, "2"), event("Done", 1).withMetadata(
        Metadata.empty().withCorrelationStreamName("other-a")));
    store.write(StreamName.of(category, "3"), event("Done", 2));
    store.write(StreamName.of(category, "4"), event("Done", 3).withMetadata(
        Metadata.empty().withCorrelationStreamName(replies)));

    assertThat(numbers(store.readCategory(CategoryRead.of(category).correlation(replies)))).containsExactly(0L, 3L);
    assertThat(store.readCategory(CategoryRead.of(category).correlation(newCategory()))).isEmpty();
  }

  @Test
  void consumerGroupMembersShareACategoryByCardinalId() {
    String category = newCategory();
    List<String> streams = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      streams.add(StreamName.of(category, "id" + i));
      streams.add(StreamName.of(category, "id" + i, "compound"));
    }
    for (String stream : streams) {
      store.write(stream, event("Counted", 0));
    }
    store.write(category, event("Counted", 0));

    Set<String> seen = new HashSet<>();
    for (long member = 0; member < 3; member++) {
      long m = member;
      Set<String> read = store.readCategory(CategoryRead.of(category).consumerGroup(member, 3)).stream()
          .map(Message::streamName).collect(Collectors.toSet());
      Set<String> expected = streams.stream()
          .filter(s -> Hash64.consumerGroupMember(s, 3) == m).collect(Collectors.toSet());
      assertThat(read).isEqualTo(expected).isNotEmpty();
      seen.addAll(read);
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(streams).doesNotContain(category);
    assertThat(Hash64.consumerGroupMember(category, 3)).isEqualTo(-1);
    assertThat(store.readCategory(CategoryRead.of(category).consumerGroup(0, 1))).hasSize(streams.size());
  }

  @Test
  void consumerGroupWithCorrelationAndPosition() {
    String category = newCategory();
    String replies = newCategory();
    for (int i = 0; i < 20; i++) {
      Metadata metadata = i % 2 == 0 ? Metadata.empty().withCorrelationStreamName(StreamName.of(replies, "x")) : null;
      store.write(StreamName.of(category, "s" + i), event("Counted", i).withMetadata(metadata));
    }
    List<Message> all = store.readCategory(CategoryRead.of(category));
    long from = all.get(5).globalPosition();

    List<Message> read = store.readCategory(
        CategoryRead.of(category).fromPosition(from).correlation(replies).consumerGroup(1, 2).batchSize(3));

    List<Long> expected = all.stream()
        .filter(m -> m.globalPosition() >= from)
        .filter(m -> m.data().longValue("n") % 2 == 0)
        .filter(m -> Hash64.consumerGroupMember(m.streamName(), 2) == 1)
        .limit(3)
        .map(m -> m.data().longValue("n"))
        .toList();
    assertThat(expected).isNotEmpty();
    assertThat(numbers(read)).isEqualTo(expected);
  }

  @Test
  void conditionNeedsTheSettingAndThenFiltersCategoryReads() {
    String category = newCategory();
    for (int n = 0; n < 4; n++) {
      store.write(StreamName.of(category, "1"), event(n % 2 == 0 ? "Even" : "Odd", n));
    }
    CategoryRead odd = CategoryRead.of(category).condition("type = 'Odd'");

    assertThatThrownBy(() -> store.readCategory(odd))
        .isExactlyInstanceOf(MessageStoreException.class)
        .hasMessage("Retrieval with SQL condition is not activated");

    try (HikariDataSource withCondition =
             TestPools.withInitSql(db.connectionString(), "SET message_store.sql_condition = on")) {
      MessageStore conditional = new MessageStore(withCondition);
      assertThat(numbers(conditional.readCategory(odd))).containsExactly(1L, 3L);
      assertThat(numbers(conditional.readCategory(odd.condition("position >= 2")))).containsExactly(2L, 3L);
    }
  }

  @Test
  void readAllReturnsEveryCategoryInGlobalOrderInBatches() {
    long start = store.readAll(1, -1).stream().mapToLong(Message::globalPosition).max().orElse(0) + 1;
    String first = newCategory();
    String second = newCategory();
    store.write(StreamName.of(first, "1"), event("Counted", 0));
    store.write(StreamName.of(second, "1"), event("Counted", 1));
    store.write(second, event("Counted", 2));
    store.write(StreamName.of(first, "2"), List.of(event("Counted", 3), event("Counted", 4)), null);

    List<Message> batch1 = store.readAll(start, 3);
    List<Message> batch2 = store.readAll(batch1.get(2).globalPosition() + 1, 3);

    assertThat(numbers(batch1)).containsExactly(0L, 1L, 2L);
    assertThat(numbers(batch2)).containsExactly(3L, 4L);
    assertThat(batch1).extracting(Message::streamName)
        .containsExactly(StreamName.of(first, "1"), StreamName.of(second, "1"), second);
    assertThat(store.readAll(batch2.get(1).globalPosition() + 1, 3)).isEmpty();
  }

  @Test
  void readLastOptionallyOfOneType() {
    String stream = StreamName.of(newCategory(), "1");
    assertThat(store.readLast(stream)).isEmpty();

    store.write(stream, event("Opened", 0));
    store.write(stream, event("Deposited", 1));
    store.write(stream, event("Deposited", 2));
    store.write(stream, event("Noted", 3));

    assertThat(store.readLast(stream).orElseThrow().data().longValue("n")).isEqualTo(3);
    assertThat(store.readLast(stream).orElseThrow().position()).isEqualTo(3);
    assertThat(store.readLast(stream, "Deposited").orElseThrow().data().longValue("n")).isEqualTo(2);
    assertThat(store.readLast(stream, "Opened").orElseThrow().position()).isZero();
    assertThat(store.readLast(stream, "Closed")).isEmpty();
  }

  @Test
  void streamVersionIsTheLastPositionOrMinusOne() {
    String stream = StreamName.of(newCategory(), "1");
    assertThat(store.streamVersion(stream)).isEqualTo(-1);
    store.write(stream, event("Opened", 0));
    assertThat(store.streamVersion(stream)).isZero();
    store.write(stream, List.of(event("A", 1), event("B", 2), event("C", 3)), 0L);
    assertThat(store.streamVersion(stream)).isEqualTo(3);
    assertThat(store.streamVersion(StreamName.category(stream))).isEqualTo(-1);
  }
}
