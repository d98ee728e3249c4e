package dev.videotutorials.messagestore.sql;

import static dev.videotutorials.messagestore.sql.Sql.error;
import static dev.videotutorials.messagestore.sql.Sql.exec;
import static dev.videotutorials.messagestore.sql.Sql.messages;
import static dev.videotutorials.messagestore.sql.Sql.rows;
import static dev.videotutorials.messagestore.sql.Sql.value;
import static dev.videotutorials.messagestore.sql.Sql.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.sql.Sql.Message;
import dev.videotutorials.messagestore.sql.Sql.PgError;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The write lock is per stream: optimistic concurrency holds, and other streams of the category never wait. */
class ConcurrentWritersTest {

  private static final int WRITERS = 8;

  private static TestDatabase db;

  @BeforeAll
  static void createDatabase() {
    db = TestDatabase.withMessageStore();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  /** Outcome of one racing writer: the position it wrote, or the error it got. */
  private record Outcome(Long position, PgError error) {
  }

  private List<Outcome> race(String stream, Long expectedVersion, boolean holdTransaction) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<Connection> connections = new ArrayList<>();
    try {
      for (int i = 0; i < WRITERS; i++) {
        connections.add(Sql.connect(db));
      }
      CyclicBarrier start = new CyclicBarrier(WRITERS);
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Connection c : connections) {
        futures.add(pool.submit(() -> {
          c.setAutoCommit(!holdTransaction);
          start.await(10, TimeUnit.SECONDS);
          try {
            long position = write(c, Sql.newId(), stream, "Raced", "{}", null, expectedVersion);
            if (holdTransaction) {
              Thread.sleep(50);
              c.commit();
            }
            return new Outcome(position, null);
          } catch (Exception e) {
            PgError pgError = error(() -> {
              throw e;
            });
            if (holdTransaction) {
              c.rollback();
            }
            return new Outcome(null, pgError);
          }
        }));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        outcomes.add(f.get(30, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
      for (Connection c : connections) {
        c.close();
      }
    }
  }

  @Test
  void concurrentWritersWithTheSameExpectedVersionOnlyOneWins() throws Exception {
    String stream = Sql.category("race") + "-1";
    try (Connection c = Sql.connect(db)) {
      write(c, stream, "First");
    }
    List<Outcome> outcomes = race(stream, 0L, true);
    assertThat(outcomes).filteredOn(o -> o.position() != null).extracting(Outcome::position).containsExactly(1L);
    assertThat(outcomes).filteredOn(o -> o.error() != null).hasSize(WRITERS - 1)
        .allSatisfy(o -> {
          assertThat(o.error().sqlState()).isEqualTo("P0001");
          assertThat(o.error().message()).isEqualTo("Wrong expected version: 0 (Stream: " + stream + ", Stream Version: 1)");
        });
    try (Connection c = Sql.connect(db)) {
      assertThat(messages(c, "SELECT * FROM message_store.get_stream_messages(?)", stream))
          .extracting(Message::position).containsExactly(0L, 1L);
    }
  }

  @Test
  void concurrentWritersExpectingAnEmptyStreamOnlyOneWins() throws Exception {
    for (int round = 0; round < 3; round++) {
      String stream = Sql.category("raceEmpty") + "-" + round;
      List<Outcome> outcomes = race(stream, -1L, false);
      assertThat(outcomes).filteredOn(o -> o.position() != null).extracting(Outcome::position).containsExactly(0L);
      assertThat(outcomes).filteredOn(o -> o.error() != null).extracting(o -> o.error().message())
          .hasSize(WRITERS - 1)
          .containsOnly("Wrong expected version: -1 (Stream: " + stream + ", Stream Version: 0)");
    }
  }

  @Test
  void concurrentWritersWithoutExpectedVersionGetGaplessPositions() throws Exception {
    String stream = Sql.category("raceFree") + "-1";
    List<Outcome> outcomes = race(stream, null, true);
    assertThat(outcomes).extracting(Outcome::error).containsOnlyNulls();
    assertThat(outcomes).extracting(Outcome::position).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
  }

  @Test
  void writersOfOtherStreamsOfTheCategoryDoNotWaitButWritersOfTheSameStreamDo() throws Exception {
    String category = Sql.category("cat");
    try (Connection a = Sql.connect(db); Connection b = Sql.connect(db); Connection c = Sql.connect(db)) {
      a.setAutoCommit(false);
      write(a, category + "-1", "A");

      exec(b, "SET lock_timeout = '2s'");
      assertThat(write(b, Sql.newId(), category + "-2", "B", "{}", null, -1L)).isZero(); // autocommit: committed
      b.setAutoCommit(false);
      write(b, category + "-3", "B");
      write(b, category + "-2", "B");
      b.commit();
      assertThat(value(c, "SELECT message_store.stream_version(?)", category + "-2")).isEqualTo(1L);

      exec(c, "SET lock_timeout = '500ms'");
      PgError waited = error(() -> write(c, category + "-1", "C"));
      assertThat(waited.sqlState()).isEqualTo("55P03");
      assertThat(waited.message()).isEqualTo("canceling statement due to lock timeout");

      a.commit();
      assertThat(write(c, Sql.newId(), category + "-1", "C", "{}", null, 0L)).isEqualTo(1L);
    }
  }

  /** Runs a write on another thread and waits until the server reports it blocked on a lock. */
  private static Future<Object> blockedWrite(ExecutorService pool, Connection c, Connection observer, String stream,
                                             Long expectedVersion) throws Exception {
    int pid = (Integer) value(c, "SELECT pg_backend_pid()");
    Future<Object> result = pool.submit(() -> {
      try {
        return write(c, Sql.newId(), stream, "Waiting", "{}", null, expectedVersion);
      } catch (Exception e) {
        return error(() -> {
          throw e;
        });
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!"Lock".equals(value(observer, "SELECT wait_event_type FROM pg_stat_activity WHERE pid = ?", pid))) {
      assertThat(result.isDone()).as("the write should wait, but finished with %s", result.isDone() ? result.get() : null).isFalse();
      assertThat(System.nanoTime()).as("write did not start waiting").isLessThan(deadline);
      Thread.sleep(5);
    }
    return result;
  }

  @Test
  void aWriterOfTheSameStreamWaitsForTheOpenTransactionAndThenSeesItsOutcome() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try (Connection a = Sql.connect(db); Connection b = Sql.connect(db); Connection c = Sql.connect(db);
         Connection d = Sql.connect(db); Connection observer = Sql.connect(db)) {
      String stream = Sql.category("wait") + "-1";
      a.setAutoCommit(false);
      assertThat(write(a, Sql.newId(), stream, "A", "{}", null, -1L)).isZero();
      assertThat(write(a, Sql.newId(), stream, "A", "{}", null, 0L)).isEqualTo(1L);
      Future<Object> free = blockedWrite(pool, b, observer, stream, null);
      Future<Object> expectingEmpty = blockedWrite(pool, c, observer, stream, -1L);
      Future<Object> expectingOne = blockedWrite(pool, d, observer, stream, 1L);
      Thread.sleep(100);
      assertThat(free.isDone() || expectingEmpty.isDone() || expectingOne.isDone()).isFalse();
      a.commit();
      Object expectingEmptyResult = expectingEmpty.get(10, TimeUnit.SECONDS);
      Object freeResult = free.get(10, TimeUnit.SECONDS);
      Object expectingOneResult = expectingOne.get(10, TimeUnit.SECONDS);
      // Once A has committed, the three writers go in any order, like waiters on a lock.
      assertThat(expectingEmptyResult).isInstanceOf(PgError.class);
      assertThat(((PgError) expectingEmptyResult).message())
          .matches("Wrong expected version: -1 \\(Stream: " + stream + ", Stream Version: [123]\\)");
      assertThat(freeResult).isIn(2L, 3L);
      if (freeResult.equals(2L)) {
        assertThat(expectingOneResult).isInstanceOf(PgError.class);
        assertThat(((PgError) expectingOneResult).message())
            .isEqualTo("Wrong expected version: 1 (Stream: " + stream + ", Stream Version: 2)");
      } else {
        assertThat(expectingOneResult).isEqualTo(2L); // it waited for A's commit, then matched
      }
      List<Message> stored = messages(observer, "SELECT * FROM message_store.get_stream_messages(?)", stream);
      assertThat(stored).extracting(Message::position).containsExactly(freeResult.equals(2L) ? new Long[] {0L, 1L, 2L}
          : new Long[] {0L, 1L, 2L, 3L});
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aWriterWaitingForATransactionThatRollsBackWritesInItsPlace() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection a = Sql.connect(db); Connection b = Sql.connect(db); Connection observer = Sql.connect(db)) {
      String stream = Sql.category("waitRollback") + "-1";
      a.setAutoCommit(false);
      write(a, Sql.newId(), stream, "A", "{}", null, -1L);
      Future<Object> waiting = blockedWrite(pool, b, observer, stream, -1L);
      a.rollback();
      assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(0L);
      assertThat(messages(observer, "SELECT * FROM message_store.get_stream_messages(?)", stream))
          .extracting(Message::type).containsExactly("Waiting");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void underRepeatableReadAStaleWriterFailsOnTheMessagesStreamIndexLikeMessageDb() throws Exception {
    try (Connection a = Sql.connect(db); Connection b = Sql.connect(db)) {
      String stream = Sql.category("rr") + "-1";
      write(b, stream, "First");
      a.setAutoCommit(false);
      exec(a, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      assertThat(value(a, "SELECT message_store.stream_version(?)", stream)).isEqualTo(0L); // snapshot taken
      write(b, stream, "Second");
      PgError e = error(() -> write(a, stream, "Stale"));
      assertThat(e.sqlState()).isEqualTo("23505");
      assertThat(e.message()).isEqualTo("duplicate key value violates unique constraint \"messages_stream\"");
      a.rollback();
    }
  }

  @Test
  void aTransactionWritingManyDistinctStreamsDoesNotExhaustTheLockTable() throws Exception {
    // Message DB takes one lock per category, so an import writing 20,000 entity streams in one
    // transaction works there. One lock per stream would need 20,000 entries of the server's
    // shared lock table (max_locks_per_transaction x max_connections) and fail, starving other
    // sessions meanwhile.
    String category = Sql.category("bulk");
    try (Connection c = Sql.connect(db)) {
      c.setAutoCommit(false);
      assertThat(value(c, "SELECT count(*) FROM (SELECT message_store.write_message(gen_random_uuid()::varchar, ? || '-' || i, "
          + "'Imported', '{}', NULL, -1) FROM generate_series(1, 20000) i) w", category)).isEqualTo(20000L);
      long locksHeld = (Long) value(c, "SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid()");
      assertThat(locksHeld).as("locks held by a transaction that wrote 20,000 streams").isLessThan(20);
      c.commit();
      assertThat(value(c, "SELECT count(*) FROM message_store.messages WHERE message_store.category(stream_name) = ?", category))
          .isEqualTo(20000L);
    }
  }

  @Test
  void acquireLockKeepsMessageDbsCategoryLockButWriteMessageDoesNotTakeIt() throws Exception {
    try (Connection a = Sql.connect(db); Connection b = Sql.connect(db)) {
      a.setAutoCommit(false);
      assertThat(value(a, "SELECT message_store.acquire_lock(stream_name => ?)", "account-123")).isEqualTo(-2132379389342958165L);
      assertThat(rows(a, """
          SELECT classid::bigint, objid::bigint, objsubid::int, mode::text, granted FROM pg_locks
           WHERE locktype = 'advisory' AND pid = pg_backend_pid()""")).containsExactly(
          List.of(3798484030L, 1138310571L, 1, "ExclusiveLock", true));

      exec(b, "SET lock_timeout = '500ms'");
      b.setAutoCommit(false);
      PgError e = error(() -> value(b, "SELECT message_store.acquire_lock(?)", "account-456"));
      assertThat(e.sqlState()).isEqualTo("55P03");
      b.rollback();
      b.setAutoCommit(true);
      assertThat(write(b, Sql.newId(), "account-456", "Opened", "{}", null, null)).isZero();

      a.commit();
      b.setAutoCommit(false);
      assertThat(value(b, "SELECT message_store.acquire_lock(?)", "account-456")).isEqualTo(-2132379389342958165L);
      b.rollback();
    }
  }
}
