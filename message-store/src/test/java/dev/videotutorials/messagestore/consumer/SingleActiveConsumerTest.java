package dev.videotutorials.messagestore.consumer;

import static dev.videotutorials.messagestore.consumer.StoreFixtures.lastRecordedPosition;
import static dev.videotutorials.messagestore.consumer.StoreFixtures.queryLong;
import static dev.videotutorials.messagestore.consumer.StoreFixtures.writeMany;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two processes with the same subscriber id never both consume; a standby takes over. */
class SingleActiveConsumerTest {

  private static final int MESSAGES = 2_000;

  private TestDatabase database;
  private HikariDataSource otherPool;
  private MessageStore store;
  private MessageStore otherStore;
  private HandledTable table;

  @BeforeEach
  void createDatabase() {
    database = TestDatabase.withMessageStore();
    otherPool = Databases.pool(database.connectionString(), "other-process", 3);
    store = new MessageStore(database.dataSource());
    otherStore = new MessageStore(otherPool);
    HandledTable.create(database.dataSource());
    table = new HandledTable(database.dataSource());
    writeMany(database.dataSource(), "shared", 40, MESSAGES, "Thing");
  }

  @AfterEach
  void dropDatabase() {
    otherPool.close();
    database.close();
  }

  private Consumer consumer(MessageStore store, String handlerName) {
    return Consumer.builder(store, "shared-test")
        .category("shared")
        .on("Thing", message -> {
          Thread.sleep(1);
          table.record(message, handlerName);
        })
        .batchSize(200)
        .positionUpdateInterval(50)
        .standbyRetryInterval(Duration.ofMillis(200))
        .build();
  }

  private long lockSessions() {
    return queryLong(database.dataSource(),
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'consumer subscriberPosition-shared-test'");
  }

  @Test
  void aStandbyTakesOverFromAKilledProcessAfterItsRecordedPosition() throws Exception {
    Process child = ConsumerProcess.start(database.url(), "shared-test", "shared", "child", 200, 50, 2);
    Consumer standby = null;
    try {
      Eventually.until("the child consuming", table::count, count -> count >= 100);
      standby = consumer(otherStore, "standby");
      standby.start();
      Eventually.until("both sessions competing for the subscription", () -> lockSessions() == 2);
      long handledByChild = table.count();
      Eventually.until("the child going on", table::count, count -> count >= handledByChild + 200);
      assertThat(standby.state()).isEqualTo(ConsumerState.STANDBY);
      assertThat(table.countBy("standby")).isZero();
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    long recorded = lastRecordedPosition(store, "subscriberPosition-shared-test");
    List<HandledTable.Row> beforeKill = table.rows();
    Consumer takingOver = standby;
    Eventually.until("the standby active", () -> takingOver.state() == ConsumerState.ACTIVE);
    Eventually.until("every message handled", table::countDistinct, count -> count == MESSAGES);
    standby.stop();

    List<HandledTable.Row> all = table.rows();
    assertTakeOver(all, "child", "standby");
    assertThat(all.stream().filter(row -> row.handler().equals("standby")).mapToLong(HandledTable.Row::globalPosition).min().orElseThrow())
        .isGreaterThan(recorded);
    long redelivered = all.size() - MESSAGES;
    assertThat(redelivered).as("only the unrecorded window is handled twice")
        .isEqualTo(beforeKill.stream().filter(row -> row.globalPosition() > recorded).count());
  }

  @Test
  void anActiveConsumerWhoseSessionEndsStopsAndTheStandbyTakesOver() {
    Consumer first = consumer(store, "first");
    first.start();
    Eventually.until("the first consuming", table::count, count -> count >= 100);
    Consumer second = consumer(otherStore, "second");
    second.start();
    Eventually.until("both sessions competing for the subscription", () -> lockSessions() == 2);
    assertThat(second.state()).isEqualTo(ConsumerState.STANDBY);

    long terminated = queryLong(database.dataSource(), "SELECT count(pg_terminate_backend(l.pid)) FROM pg_locks l"
        + " JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted"
        + " AND a.application_name = 'consumer subscriberPosition-shared-test'");
    assertThat(terminated).isEqualTo(1);

    Eventually.until("the second active", () -> second.state() == ConsumerState.ACTIVE);
    Eventually.until("every message handled", table::countDistinct, count -> count == MESSAGES);
    assertThat(first.state()).isEqualTo(ConsumerState.STANDBY);
    assertThat(first.status().lastError()).contains("Lost the subscription");
    first.stop();
    second.stop();
    assertTakeOver(table.rows(), "first", "second");
  }

  @Test
  void aStoppedConsumerHandsOverExactlyAtItsRecordedPosition() {
    Consumer first = consumer(store, "first");
    first.start();
    Eventually.until("the first consuming", table::count, count -> count >= 100);
    Consumer second = consumer(otherStore, "second");
    second.start();
    Eventually.until("both sessions competing for the subscription", () -> lockSessions() == 2);

    first.stop();
    long recorded = lastRecordedPosition(store, "subscriberPosition-shared-test");
    assertThat(recorded).isEqualTo(first.position());
    Eventually.until("every message handled", table::countDistinct, count -> count == MESSAGES);
    second.stop();

    List<HandledTable.Row> all = table.rows();
    assertThat(all).as("nothing handled twice").hasSize(MESSAGES);
    assertTakeOver(all, "first", "second");
    assertThat(all.stream().filter(row -> row.handler().equals("second")).mapToLong(HandledTable.Row::globalPosition).min().orElseThrow())
        .isGreaterThan(recorded);
  }

  /** Everything {@code before} handled was handled before anything {@code after} handled. */
  private static void assertTakeOver(List<HandledTable.Row> rows, String before, String after) {
    Map<String, List<Long>> sequenceByHandler = rows.stream().collect(
        Collectors.groupingBy(HandledTable.Row::handler, Collectors.mapping(HandledTable.Row::seq, Collectors.toList())));
    assertThat(sequenceByHandler).containsOnlyKeys(before, after);
    long lastOfBefore = sequenceByHandler.get(before).stream().mapToLong(Long::longValue).max().orElseThrow();
    long firstOfAfter = sequenceByHandler.get(after).stream().mapToLong(Long::longValue).min().orElseThrow();
    assertThat(lastOfBefore).as("the two never consumed at the same time").isLessThan(firstOfAfter);
  }
}
