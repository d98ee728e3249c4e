package dev.videotutorials.app.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.DuplicateMessageIdException;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Grouped writes against the real message store: every write committed once, in order per writer. */
class GroupedWritesTest {

  private static TestDatabase database;
  private static MessageStore store;
  private static ExecutorService writers;

  @BeforeAll
  static void start() {
    database = TestDatabase.withMessageStore();
    store = new MessageStore(database.dataSource());
    writers = Executors.newFixedThreadPool(8);
  }

  @AfterAll
  static void stop() {
    writers.shutdownNow();
    database.close();
  }

  @Test
  void aLoneWriteIsCommittedAndAnswersItsPosition() {
    String stream = "viewing-" + UUID.randomUUID();
    GroupedWrites writes = new GroupedWrites(store);

    assertThat(writes.write(stream, viewed(1))).isEqualTo(0);
    assertThat(writes.write(stream, viewed(2))).isEqualTo(1);
    assertThat(store.readStream(stream)).extracting(m -> m.data().toJson())
        .containsExactly("{\"n\":1}", "{\"n\":2}");
  }

  @Test
  void concurrentWritesToOneStreamAreCommittedTogetherEachOnceAndInEachWritersOrder() throws Exception {
    String stream = "viewing-" + UUID.randomUUID();
    GroupedWrites writes = new GroupedWrites(store);
    int writersCount = 8;
    int perWriter = 40;

    List<Future<List<Long>>> results = new ArrayList<>();
    for (int w = 0; w < writersCount; w++) {
      int writer = w;
      results.add(writers.submit(() -> {
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < perWriter; i++) {
          positions.add(writes.write(stream, viewed(writer * 1000 + i)));
        }
        return positions;
      }));
    }

    Set<Long> allPositions = new HashSet<>();
    for (Future<List<Long>> result : results) {
      List<Long> positions = result.get(60, TimeUnit.SECONDS);
      assertThat(positions).isSorted();
      allPositions.addAll(positions);
    }
    List<Message> stored = store.readStream(stream);
    assertThat(stored).hasSize(writersCount * perWriter);
    assertThat(allPositions).hasSize(writersCount * perWriter);
    // Messages committed together share their transaction's time.
    assertThat(stored.stream().map(Message::time).distinct().count()).isLessThan(stored.size());
    for (Message message : stored) {
      long n = message.data().longValue("n");
      assertThat(stored).filteredOn(other -> other.data().longValue("n") / 1000 == n / 1000
              && other.data().longValue("n") < n)
          .allMatch(earlier -> earlier.position() < message.position());
    }
  }

  @Test
  void writesToManyStreamsEachLandInTheirOwnStream() throws Exception {
    String prefix = "viewing-" + UUID.randomUUID().toString().substring(0, 8) + "_";
    GroupedWrites writes = new GroupedWrites(store);
    List<Callable<Long>> tasks = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      String stream = prefix + (i % 6);
      NewMessage message = viewed(i);
      tasks.add(() -> writes.write(stream, message));
    }
    for (Future<Long> result : writers.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
      result.get();
    }
    for (int s = 0; s < 6; s++) {
      int streamNumber = s;
      assertThat(store.readStream(prefix + s)).hasSize(20)
          .allMatch(m -> m.data().longValue("n") % 6 == streamNumber);
    }
  }

  @Test
  void aMessageThatCannotBeWrittenFailsAloneEvenInAGroup() throws Exception {
    String stream = "viewing-" + UUID.randomUUID();
    GroupedWrites writes = new GroupedWrites(store);
    NewMessage once = viewed(0);
    List<Callable<Long>> tasks = new ArrayList<>();
    tasks.add(() -> writes.write(stream, once));
    tasks.add(() -> writes.write(stream, once));
    for (int i = 1; i <= 30; i++) {
      NewMessage message = viewed(i);
      tasks.add(() -> writes.write(stream, message));
    }

    int refused = 0;
    for (Future<Long> result : writers.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
      try {
        result.get();
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(DuplicateMessageIdException.class);
        refused++;
      }
    }
    assertThat(refused).isEqualTo(1);
    assertThat(store.readStream(stream)).hasSize(31);
  }

  private static NewMessage viewed(long n) {
    return NewMessage.of("VideoViewed", JsonObject.of("n", n));
  }
}
