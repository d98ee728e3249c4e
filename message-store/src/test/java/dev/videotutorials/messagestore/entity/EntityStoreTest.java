package dev.videotutorials.messagestore.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.Entity;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.Projection;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EntityStoreTest {

  private static TestDatabase database;
  private static MessageStore store;

  /** Counts every message it folds, so a test can tell what a fetch read. */
  private final AtomicInteger folded = new AtomicInteger();
  private Projection<Long> sum;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.withMessageStore();
    store = new MessageStore(database.dataSource());
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @BeforeEach
  void sumProjection() {
    sum = Projection.startingWith(() -> 0L)
        .on("Added", (total, message) -> {
          folded.incrementAndGet();
          return total + message.data().longValue("n");
        })
        .build();
  }

  private static void add(String stream, long n) {
    store.write(stream, NewMessage.of("Added", JsonObject.of("n", n)));
  }

  @Test
  void aCachedEntityIsBroughtUpToDateByReadingOnlyNewerMessages() {
    add("counter-1", 1);
    add("counter-1", 2);
    add("counter-1", 3);
    EntityStore<Long> entities = new EntityStore<>(store, sum, 10);

    assertThat(entities.fetch("counter", "1")).isEqualTo(new Entity<>(6L, 2));
    assertThat(folded).hasValue(3);

    assertThat(entities.fetch("counter-1")).isEqualTo(new Entity<>(6L, 2));
    assertThat(folded).as("nothing new, nothing folded").hasValue(3);

    add("counter-1", 4);
    assertThat(entities.fetch("counter-1")).isEqualTo(new Entity<>(10L, 3));
    assertThat(folded).as("only the new message folded").hasValue(4);
  }

  @Test
  void theCacheKeepsOnlyTheMostRecentlyUsedEntities() {
    add("bounded-1", 1);
    add("bounded-2", 2);
    add("bounded-3", 3);
    EntityStore<Long> entities = new EntityStore<>(store, sum, 2);
    entities.fetch("bounded-1");
    entities.fetch("bounded-2");
    entities.fetch("bounded-1");
    entities.fetch("bounded-3");
    assertThat(entities.cachedEntities()).isEqualTo(2);
    folded.set(0);

    entities.fetch("bounded-1");
    assertThat(folded).as("bounded-1 was used recently and stayed cached").hasValue(0);
    entities.fetch("bounded-2");
    assertThat(folded).as("bounded-2 was evicted and read again").hasValue(1);
  }

  @Test
  void withoutACacheEveryFetchReadsTheWholeStream() {
    add("uncached-1", 5);
    add("uncached-1", 5);
    EntityStore<Long> entities = new EntityStore<>(store, sum, 0);
    entities.fetch("uncached-1");
    entities.fetch("uncached-1");
    assertThat(folded).hasValue(4);
    assertThat(entities.cachedEntities()).isZero();
  }

  @Test
  void anEmptyStreamGivesTheInitialValueAndIsNotCached() {
    EntityStore<Long> entities = new EntityStore<>(store, sum, 10);
    Entity<Long> missing = entities.fetch("nothing-1");
    assertThat(missing.exists()).isFalse();
    assertThat(missing).isEqualTo(new Entity<>(0L, -1));
    assertThat(entities.cachedEntities()).isZero();
  }
}
