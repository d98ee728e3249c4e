package dev.videotutorials.messagestore.consumer;

import static dev.videotutorials.messagestore.consumer.StoreFixtures.execute;
import static dev.videotutorials.messagestore.consumer.StoreFixtures.lastRecordedPosition;
import static dev.videotutorials.messagestore.consumer.StoreFixtures.queryLong;
import static dev.videotutorials.messagestore.consumer.StoreFixtures.recordedPositions;
import static dev.videotutorials.messagestore.consumer.StoreFixtures.write;
import static dev.videotutorials.messagestore.consumer.StoreFixtures.writeMany;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConsumerDeliveryTest {

  private static TestDatabase database;
  private static MessageStore store;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.withMessageStore();
    store = new MessageStore(database.dataSource());
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void handlesInGlobalPositionOrderAndRecordsThePositionOnStopOnly() {
    writeMany(database.dataSource(), "ordered", 3, 250, "Thing");
    long last = queryLong(database.dataSource(), "SELECT max(global_position) FROM message_store.messages");
    List<Long> handled = new CopyOnWriteArrayList<>();
    Consumer consumer = Consumer.builder(store, "ordered-test")
        .category("ordered")
        .on("Thing", message -> handled.add(message.globalPosition()))
        .batchSize(100)
        .positionUpdateInterval(10_000)
        .positionUpdateInterval(Duration.ofHours(1))
        .build();
    consumer.start();
    Eventually.until("all 250 handled", () -> handled.size() == 250);
    assertThat(handled).isSorted().doesNotHaveDuplicates();
    assertThat(recordedPositions(store, "subscriberPosition-ordered-test")).isEmpty();

    consumer.stop();

    assertThat(consumer.state()).isEqualTo(ConsumerState.STOPPED);
    assertThat(recordedPositions(store, "subscriberPosition-ordered-test")).containsExactly(last);
  }

  @Test
  void resumesAfterThePositionRecordedOnStop() {
    List<Long> firstRun = new CopyOnWriteArrayList<>();
    Consumer first = resumingConsumer(firstRun);
    first.start();
    long a = write(store, "resume-1", "Thing");
    long b = write(store, "resume-2", "Thing");
    Eventually.until("both handled", () -> firstRun.size() == 2);
    first.stop();
    assertThat(lastRecordedPosition(store, "subscriberPosition-resume-test")).isEqualTo(b);

    long c = write(store, "resume-1", "Thing");
    List<Long> secondRun = new CopyOnWriteArrayList<>();
    Consumer second = resumingConsumer(secondRun);
    second.start();
    Eventually.until("the new message handled", () -> secondRun.size() == 1);
    second.stop();
    assertThat(firstRun).containsExactly(a, b);
    assertThat(secondRun).containsExactly(c);
  }

  private static Consumer resumingConsumer(List<Long> handled) {
    return Consumer.builder(store, "resume-test")
        .category("resume")
        .on("Thing", message -> handled.add(message.globalPosition()))
        .positionUpdateInterval(Duration.ofHours(1))
        .pollInterval(Duration.ofMillis(20))
        .build();
  }

  @Test
  void recordsThePositionEveryIntervalOfMessages() {
    writeMany(database.dataSource(), "counted", 2, 35, "Thing");
    List<Message> handled = new CopyOnWriteArrayList<>();
    Consumer consumer = Consumer.builder(store, "counted-test")
        .category("counted")
        .on("Thing", message -> {
          Thread.sleep(2); // slower than the rate limit of position records (10 ms per 10 messages)
          handled.add(message);
        })
        .positionUpdateInterval(10)
        .positionUpdateInterval(Duration.ofHours(1))
        .build();
    consumer.start();
    Eventually.until("all handled", () -> handled.size() == 35);
    Eventually.until("three positions recorded", () -> recordedPositions(store, "subscriberPosition-counted-test").size() == 3);
    assertThat(recordedPositions(store, "subscriberPosition-counted-test")).containsExactly(
        handled.get(9).globalPosition(), handled.get(19).globalPosition(), handled.get(29).globalPosition());
    consumer.stop();
    assertThat(recordedPositions(store, "subscriberPosition-counted-test")).hasSize(4).endsWith(handled.get(34).globalPosition());
  }

  @Test
  void aFastConsumerRecordsItsPositionAtMostEveryTenMilliseconds() {
    writeMany(database.dataSource(), "fast", 2, 3_000, "Thing");
    long last = queryLong(database.dataSource(),
        "SELECT max(global_position) FROM message_store.messages WHERE message_store.category(stream_name) = 'fast'");
    Consumer consumer = Consumer.builder(store, "fast-test")
        .category("fast")
        .on("Thing", message -> { })
        .positionUpdateInterval(1)
        .positionUpdateInterval(Duration.ofHours(1))
        .build();
    long start = System.nanoTime();
    consumer.start();
    Eventually.until("all read", () -> consumer.position() == last);
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    consumer.stop();
    List<Long> recorded = recordedPositions(store, "subscriberPosition-fast-test");
    assertThat(recorded).isSorted().endsWith(last);
    assertThat(recorded.size()).as("far fewer records than messages").isLessThan(1_000)
        .isLessThanOrEqualTo((int) (elapsedMillis / 10) + 2);
  }

  @Test
  void readsPositionsWrittenByTheOriginalAndWritesThemInItsFormat() throws Exception {
    long before = write(store, "compat-1", "Thing");
    execute(database.dataSource(), "SELECT message_store.write_message(gen_random_uuid()::varchar,"
        + " 'subscriberPosition-compat-test', 'Read', '{\"position\": " + before + "}', NULL, NULL)");
    long after = write(store, "compat-1", "Thing");
    List<Long> handled = new CopyOnWriteArrayList<>();
    Consumer consumer = Consumer.builder(store, "compat-test")
        .category("compat")
        .on("Thing", message -> handled.add(message.globalPosition()))
        .build();
    consumer.start();
    Eventually.until("the message after the recorded position handled", () -> handled.size() == 1);
    consumer.stop();

    assertThat(handled).containsExactly(after);
    try (Connection connection = database.dataSource().getConnection();
         Statement statement = connection.createStatement();
         ResultSet last = statement.executeQuery("SELECT type, data = '{\"position\": " + after + "}'::jsonb,"
             + " metadata IS NULL FROM message_store.messages WHERE stream_name = 'subscriberPosition-compat-test'"
             + " ORDER BY position DESC LIMIT 1")) {
      assertThat(last.next()).isTrue();
      assertThat(last.getString(1)).isEqualTo("Read");
      assertThat(last.getBoolean(2)).as("data is exactly {\"position\": N}").isTrue();
      assertThat(last.getBoolean(3)).as("no metadata").isTrue();
    }
  }

  @Test
  void typesWithoutAHandlerGoToTheAnyHandlerOrArePassedOver() {
    write(store, "typed-1", "A");
    write(store, "typed-1", "B");
    long c = write(store, "typed-1", "C");
    List<String> specific = new CopyOnWriteArrayList<>();
    List<String> any = new CopyOnWriteArrayList<>();
    Consumer withAny = Consumer.builder(store, "typed-any")
        .category("typed")
        .on("A", message -> specific.add(message.type()))
        .onAny(message -> any.add(message.type()))
        .build();
    List<String> onlyA = new CopyOnWriteArrayList<>();
    Consumer withoutAny = Consumer.builder(store, "typed-a")
        .category("typed")
        .on("A", message -> onlyA.add(message.type()))
        .positionUpdateInterval(Duration.ofMillis(50))
        .build();
    withAny.start();
    withoutAny.start();
    Eventually.until("all handled", () -> specific.size() + any.size() == 3);
    Eventually.until("passed over messages advance the position", () -> withoutAny.position() == c);
    withAny.stop();
    withoutAny.stop();
    assertThat(specific).containsExactly("A");
    assertThat(any).containsExactly("B", "C");
    assertThat(onlyA).containsExactly("A");
    assertThat(lastRecordedPosition(store, "subscriberPosition-typed-a")).isEqualTo(c);
  }

  @Test
  void followsAllMessagesOfTheStore() {
    long x = write(store, "everywhere1-1", "X");
    long y = write(store, "everywhere2-1", "Y");
    List<Long> handled = new CopyOnWriteArrayList<>();
    Consumer consumer = Consumer.builder(store, "all-test")
        .allMessages()
        .on("X", message -> handled.add(message.globalPosition()))
        .on("Y", message -> handled.add(message.globalPosition()))
        .build();
    consumer.start();
    Eventually.until("both handled", () -> handled.size() == 2);
    long z = write(store, "everywhere3-1", "X");
    Eventually.until("the new one handled", () -> handled.size() == 3);
    consumer.stop();
    assertThat(handled).containsExactly(x, y, z);
  }
}
