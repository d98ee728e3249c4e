package dev.videotutorials.messagestore.consumer;

import static dev.videotutorials.messagestore.consumer.StoreFixtures.lastRecordedPosition;
import static dev.videotutorials.messagestore.consumer.StoreFixtures.writeMany;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.CategoryRead;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A consumer process killed with SIGKILL in the middle of a batch loses nothing. */
class ConsumerCrashTest {

  private static final int MESSAGES = 3_000;
  private static final int BATCH_SIZE = 500;
  private static final int POSITION_UPDATE_INTERVAL = 100;

  private static TestDatabase database;
  private static MessageStore store;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.withMessageStore();
    store = new MessageStore(database.dataSource());
    HandledTable.create(database.dataSource());
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void aKilledConsumerRestartsAfterItsRecordedPositionAndRedeliversOnlyTheUnrecordedWindow() throws Exception {
    writeMany(database.dataSource(), "crash", 30, MESSAGES, "Thing");
    List<Message> messages = store.readCategory(CategoryRead.of("crash").batchSize(-1));
    HandledTable table = new HandledTable(database.dataSource());

    // 1 ms per message: slow enough that positions are recorded every 100 messages exactly
    // (faster consumers record at most every 10 ms).
    Process child = ConsumerProcess.start(database.url(), "crash-test", "crash", "killed", BATCH_SIZE,
        POSITION_UPDATE_INTERVAL, 1);
    try {
      Eventually.until("the child handling its second batch", table::count, count -> count >= BATCH_SIZE + 150);
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    List<HandledTable.Row> beforeKill = table.rows();
    long recorded = lastRecordedPosition(store, "subscriberPosition-crash-test");
    assertThat(beforeKill.size()).as("killed before the end").isLessThan(MESSAGES);
    assertThat(recorded).as("positions were recorded before the kill").isPositive();
    assertThat(beforeKill).extracting(HandledTable.Row::globalPosition)
        .as("the killed process handled a prefix of the category, in order")
        .containsExactlyElementsOf(messages.subList(0, beforeKill.size()).stream().map(Message::globalPosition).toList());

    Consumer restarted = Consumer.builder(store, "crash-test")
        .category("crash")
        .on("Thing", table.recorder("restarted"))
        .batchSize(BATCH_SIZE)
        .build();
    restarted.start();
    Eventually.until("every message handled", table::countDistinct, count -> count == MESSAGES);
    restarted.stop();

    List<HandledTable.Row> all = table.rows();
    Map<UUID, Long> timesHandled = all.stream()
        .collect(Collectors.groupingBy(HandledTable.Row::messageId, Collectors.counting()));
    assertThat(timesHandled).hasSize(MESSAGES);
    assertThat(timesHandled.values()).allMatch(times -> times <= 2);
    Set<UUID> redelivered = timesHandled.entrySet().stream().filter(e -> e.getValue() == 2)
        .map(Map.Entry::getKey).collect(Collectors.toSet());
    Set<UUID> handledAfterRecordedPosition = beforeKill.stream().filter(row -> row.globalPosition() > recorded)
        .map(HandledTable.Row::messageId).collect(Collectors.toSet());
    assertThat(redelivered).as("exactly what was handled after the recorded position is handled again")
        .isEqualTo(handledAfterRecordedPosition);
    assertThat(redelivered.size()).as("within the unrecorded window").isLessThanOrEqualTo(POSITION_UPDATE_INTERVAL);
    List<Long> restartedPositions = all.stream().filter(row -> row.handler().equals("restarted"))
        .map(HandledTable.Row::globalPosition).toList();
    assertThat(restartedPositions).as("the restarted consumer resumed after the recorded position, in order")
        .isSorted().allMatch(position -> position > recorded);
    assertThat(timesHandled.keySet()).containsExactlyInAnyOrderElementsOf(messages.stream().map(Message::id).toList());
  }
}
