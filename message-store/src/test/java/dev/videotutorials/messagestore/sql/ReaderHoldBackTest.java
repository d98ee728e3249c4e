package dev.videotutorials.messagestore.sql;

import static dev.videotutorials.messagestore.sql.Sql.exec;
import static dev.videotutorials.messagestore.sql.Sql.messages;
import static dev.videotutorials.messagestore.sql.Sql.rows;
import static dev.videotutorials.messagestore.sql.Sql.value;
import static dev.videotutorials.messagestore.sql.Sql.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.sql.Sql.Message;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which open transactions hold category readers back. Only transactions that have written a
 * message do (until they end); a long unrelated write transaction, in this database or another
 * one of the server, must not delay readers at all.
 */
class ReaderHoldBackTest {

  private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final long ROUND_NANOS = TimeUnit.MILLISECONDS.toNanos(2_500);
  private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(8);
  private static final long HELD_BACK_LIMIT_MS = 5_000;

  private static TestDatabase db;

  @BeforeAll
  static void createDatabase() {
    db = TestDatabase.withMessageStore();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  /** pid, state and xid of a session, as any other session sees it. */
  private static List<Object> activity(Connection observer, int pid) throws Exception {
    return rows(observer, "SELECT pid, state, backend_xid::text FROM pg_stat_activity WHERE pid = ?", pid).get(0);
  }

  private static int pid(Connection c) throws Exception {
    return (Integer) value(c, "SELECT pg_backend_pid()");
  }

  /** Starts a write transaction with an xid that has nothing to do with the message store and leaves it open. */
  private static void openUnrelatedWriteTransaction(Connection c) throws Exception {
    exec(c, "CREATE TABLE unrelated_work (x int)");
    c.setAutoCommit(false);
    exec(c, "INSERT INTO unrelated_work VALUES (1)");
    assertThat(value(c, "SELECT pg_current_xact_id_if_assigned()::text")).isNotNull();
  }

  @Test
  void longUnrelatedWriteTransactionsDoNotHoldBackReaders() throws Exception {
    try (TestDatabase otherDb = TestDatabase.withMessageStore();
         Connection sameDbUnrelated = Sql.connect(db);
         Connection otherDbUnrelated = Sql.connect(otherDb);
         Connection otherDbMessageWriter = Sql.connect(otherDb);
         Connection writer = Sql.connect(db);
         Connection reader = Sql.connect(db);
         Connection observer = Sql.connect(db)) {
      openUnrelatedWriteTransaction(sameDbUnrelated);
      openUnrelatedWriteTransaction(otherDbUnrelated);
      // A message writer in another database holds a ticket there; it must not matter here.
      otherDbMessageWriter.setAutoCommit(false);
      write(otherDbMessageWriter, Sql.category("otherDb") + "-1", "Open");

      List<List<Object>> openAtStart = List.of(
          activity(observer, pid(sameDbUnrelated)),
          activity(observer, pid(otherDbUnrelated)),
          activity(observer, pid(otherDbMessageWriter)));
      assertThat(openAtStart).allSatisfy(a -> {
        assertThat(a.get(1)).isEqualTo("idle in transaction");
        assertThat(a.get(2)).isNotNull();
      });

      String category = Sql.category("holdBack");
      long position = 1;
      List<Long> delaysMs = new ArrayList<>();
      long windowStart = System.nanoTime();
      int round = 0;
      while (System.nanoTime() - windowStart < WINDOW_NANOS) {
        long roundStart = System.nanoTime();
        String id = write(writer, category + "-" + (round++ % 3), "Written"); // autocommit: committed on return
        long committed = System.nanoTime();
        long seen = -1;
        while (seen < 0 && System.nanoTime() - committed < GIVE_UP_NANOS) {
          List<Message> batch = messages(reader, "SELECT * FROM message_store.get_category_messages(?, ?, ?)",
              category, position, 100);
          for (Message m : batch) {
            position = m.globalPosition() + 1;
            if (m.id().equals(id)) {
              seen = System.nanoTime();
            }
          }
          if (seen < 0) {
            Thread.sleep(5);
          }
        }
        delaysMs.add(seen < 0 ? Long.MAX_VALUE : TimeUnit.NANOSECONDS.toMillis(seen - committed));
        long sleepNanos = ROUND_NANOS - (System.nanoTime() - roundStart);
        if (sleepNanos > 0) {
          TimeUnit.NANOSECONDS.sleep(sleepNanos);
        }
      }
      long windowSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - windowStart);

      // The same three transactions were open for the whole window.
      assertThat(List.of(
          activity(observer, pid(sameDbUnrelated)),
          activity(observer, pid(otherDbUnrelated)),
          activity(observer, pid(otherDbMessageWriter)))).isEqualTo(openAtStart);

      long max = delaysMs.stream().mapToLong(Long::longValue).max().orElseThrow();
      System.out.printf("Hold-back while unrelated write transactions (same database, other database) and a message writer "
              + "in another database stayed open for %d s: %d messages, visible to the polling reader after %s ms "
              + "(max %d ms) from commit%n", windowSeconds, delaysMs.size(), delaysMs, max);
      assertThat(windowSeconds).isGreaterThanOrEqualTo(30);
      assertThat(delaysMs).hasSizeGreaterThanOrEqualTo(10);
      assertThat(max).as("held back less than %d ms while a 30 s unrelated write transaction is open", HELD_BACK_LIMIT_MS)
          .isLessThan(HELD_BACK_LIMIT_MS);

      sameDbUnrelated.rollback();
      otherDbUnrelated.rollback();
      otherDbMessageWriter.rollback();
    }
  }

  @Test
  void anOpenTransactionThatWroteAMessageHoldsBackLaterMessagesUntilItEnds() throws Exception {
    String category = Sql.category("held");
    String otherCategory = Sql.category("heldToo");
    try (Connection a = Sql.connect(db); Connection b = Sql.connect(db); Connection reader = Sql.connect(db)) {
      a.setAutoCommit(false);
      String a1 = write(a, category + "-1", "Open");
      String b1 = write(b, category + "-2", "Committed");
      String b2 = write(b, otherCategory + "-1", "Committed");
      String sql = "SELECT * FROM message_store.get_category_messages(?, ?, ?)";
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
      int polls = 0;
      while (System.nanoTime() < until) {
        assertThat(messages(reader, sql, category, 1, 100)).isEmpty();
        // Holding back is store-wide: later messages of every category wait.
        assertThat(messages(reader, sql, otherCategory, 1, 100)).isEmpty();
        assertThat(messages(reader, "SELECT * FROM message_store.get_all_messages(?, ?)", 1, 100))
            .extracting(Message::id).doesNotContain(b1, b2);
        polls++;
        Thread.sleep(20);
      }
      assertThat(polls).isGreaterThan(10);
      // Stream reads are not held back: the stream lock alone keeps them gapless.
      assertThat(messages(reader, "SELECT * FROM message_store.get_stream_messages(?)", category + "-2"))
          .extracting(Message::id).containsExactly(b1);

      a.commit();
      assertThat(messages(reader, sql, category, 1, 100)).extracting(Message::id).containsExactly(a1, b1);
      assertThat(messages(reader, sql, otherCategory, 1, 100)).extracting(Message::id).containsExactly(b2);
    }
  }
}
