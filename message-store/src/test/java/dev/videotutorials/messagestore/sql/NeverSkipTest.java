package dev.videotutorials.messagestore.sql;

import static dev.videotutorials.messagestore.sql.Sql.exec;
import static dev.videotutorials.messagestore.sql.Sql.messages;
import static dev.videotutorials.messagestore.sql.Sql.value;
import static dev.videotutorials.messagestore.sql.Sql.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.sql.Sql.Message;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reader that follows a category (or all messages) from position 1, each batch starting at the
 * last global position + 1, must see every committed message exactly once, in order, and never a
 * rolled-back one, however writers interleave. There is no category lock, so this rests entirely
 * on register_writer()/reader_horizon().
 */
class NeverSkipTest {

  private static final int WRITERS = 12;
  private static final int TRANSACTIONS_PER_WRITER = 140;
  private static final int BATCH = 50;

  private static TestDatabase db;

  @BeforeAll
  static void createDatabase() {
    db = TestDatabase.withMessageStore();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @FunctionalInterface
  private interface BatchReader {
    List<Message> read(Connection c, long position) throws SQLException;
  }

  private static BatchReader categoryReader(String category) {
    return (c, position) -> messages(c, "SELECT * FROM get_category_messages(?, ?, ?)", category, position, BATCH);
  }

  private static BatchReader allReader() {
    return (c, position) -> messages(c, "SELECT * FROM get_all_messages(?, ?)", position, BATCH);
  }

  private record LoadResult(Set<String> committed, Set<String> rolledBack, Set<String> committedStreams,
                            List<String> seen, List<String> orderViolations, int seenWhileWriting, int polls,
                            int deadlocks, long lastPosition) {
  }

  /** Runs the writers and one following reader; returns what was written and what was seen. */
  private static LoadResult load(List<String> streams, BatchReader reader, long startPosition, long seed) throws Exception {
    return load(streams, reader, reader, startPosition, seed, TRANSACTIONS_PER_WRITER);
  }

  /**
   * As above; once the writers have finished, an empty batch from {@code reader} is confirmed
   * with {@code drainReader} before the reader stops (a repeatable-read batch may be empty
   * without being caught up).
   */
  private static LoadResult load(List<String> streams, BatchReader reader, BatchReader drainReader, long startPosition,
                                 long seed, int transactionsPerWriter) throws Exception {
    Set<String> committed = ConcurrentHashMap.newKeySet();
    Set<String> rolledBack = ConcurrentHashMap.newKeySet();
    Set<String> committedStreamIds = ConcurrentHashMap.newKeySet();
    AtomicInteger deadlocks = new AtomicInteger();
    AtomicBoolean writersDone = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
    try {
      Future<LoadResult> readerResult = pool.submit(() -> {
        List<String> seen = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        int seenWhileWriting = 0;
        int polls = 0;
        long position = startPosition;
        long last = startPosition - 1;
        try (Connection c = Sql.connect(db)) {
          exec(c, "SET search_path = message_store, public");
          while (true) {
            boolean finished = writersDone.get();
            List<Message> batch = reader.read(c, position);
            if (batch.isEmpty() && finished) {
              batch = drainReader.read(c, position);
            }
            polls++;
            for (Message m : batch) {
              if (m.globalPosition() <= last) {
                violations.add(m.globalPosition() + " after " + last);
              }
              last = m.globalPosition();
              seen.add(m.id());
            }
            if (!finished) {
              seenWhileWriting += batch.size();
            }
            if (!batch.isEmpty()) {
              position = last + 1;
            } else if (finished) {
              break;
            }
            if (batch.size() < BATCH) {
              Thread.sleep(2);
            }
          }
        }
        return new LoadResult(null, null, null, seen, violations, seenWhileWriting, polls, 0, position);
      });

      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        Random random = new Random(seed * 31 + w);
        writers.add(pool.submit(() -> {
          try (Connection c = Sql.connect(db)) {
            c.setAutoCommit(false);
            for (int t = 0; t < transactionsPerWriter; t++) {
              int count = random.nextInt(3) == 0 ? 1 + random.nextInt(5) : 1;
              boolean spread = random.nextBoolean();
              String single = streams.get(random.nextInt(streams.size()));
              List<String> targets = new ArrayList<>();
              for (int k = 0; k < count; k++) {
                targets.add(spread ? streams.get(random.nextInt(streams.size())) : single);
              }
              Collections.sort(targets); // one lock order for all writers: no deadlocks
              List<String> ids = new ArrayList<>();
              List<String> idStreams = new ArrayList<>();
              try {
                for (String stream : targets) {
                  if (!ids.isEmpty()) {
                    Thread.sleep(random.nextInt(21));
                  }
                  String id = Sql.newId();
                  ids.add(id);
                  idStreams.add(stream);
                  write(c, id, stream, "Loaded", "{\"writer\":" + t + "}", null, null);
                }
                Thread.sleep(random.nextInt(21));
                if (random.nextInt(10) == 0) {
                  c.rollback();
                  rolledBack.addAll(ids);
                } else {
                  c.commit();
                  committed.addAll(ids);
                  for (int k = 0; k < ids.size(); k++) {
                    committedStreamIds.add(ids.get(k) + " " + idStreams.get(k));
                  }
                }
              } catch (SQLException e) {
                if (!"40P01".equals(e.getSQLState())) {
                  throw e;
                }
                deadlocks.incrementAndGet();
                c.rollback();
                rolledBack.addAll(ids);
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> writer : writers) {
        writer.get(5, TimeUnit.MINUTES);
      }
      writersDone.set(true);
      LoadResult r = readerResult.get(2, TimeUnit.MINUTES);
      return new LoadResult(committed, rolledBack, committedStreamIds, r.seen(), r.orderViolations(),
          r.seenWhileWriting(), r.polls(), deadlocks.get(), r.lastPosition());
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertNothingSkipped(String what, LoadResult r, Set<String> expected) throws SQLException {
    System.out.printf("%s: %d committed, %d rolled back, %d deadlocks; reader saw %d (%d while writers ran) in %d polls%n",
        what, r.committed().size(), r.rolledBack().size(), r.deadlocks(), r.seen().size(), r.seenWhileWriting(), r.polls());
    assertThat(r.orderViolations()).as("global positions must strictly increase").isEmpty();
    assertThat(r.seen()).as("no message seen twice").doesNotHaveDuplicates();
    assertThat(r.seen()).as("no rolled-back message ever seen").doesNotContainAnyElementsOf(r.rolledBack());
    Set<String> missing = new HashSet<>(expected);
    r.seen().forEach(missing::remove);
    if (!missing.isEmpty()) {
      try (Connection c = Sql.connect(db)) {
        Object positions = Sql.rows(c, "SELECT global_position FROM message_store.messages WHERE id::text = ANY(string_to_array(?, ','))"
            + " ORDER BY 1", String.join(",", missing));
        throw new AssertionError(what + ": " + missing.size() + " committed messages never seen, at global positions "
            + positions + "; the reader's next position was " + r.lastPosition());
      }
    }
    assertThat(new HashSet<>(r.seen())).as("every committed message seen").isEqualTo(expected);
    assertThat(r.committed().size()).as("load size").isGreaterThan(500);
    assertThat(r.rolledBack()).isNotEmpty();
    assertThat(r.seenWhileWriting()).as("the reader followed the writers, not only drained at the end").isGreaterThan(0);
  }

  @Test
  void categoryReaderNeverSkipsAMessage() throws Exception {
    String category = Sql.category("follow");
    String other = Sql.category("elsewhere");
    List<String> streams = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      streams.add(category + "-" + i);
    }
    streams.add(category);
    streams.add(category + "-7+compound");
    for (int i = 0; i < 6; i++) {
      streams.add(other + "-" + i);
    }
    LoadResult r = load(streams, categoryReader(category), 1, 17);
    Set<String> expected = new HashSet<>();
    for (String entry : r.committedStreams()) {
      String[] parts = entry.split(" ");
      if (!parts[1].startsWith(other)) {
        expected.add(parts[0]);
      }
    }
    assertThat(expected.size()).isLessThan(r.committed().size());
    assertNothingSkipped("category " + category, r, expected);
  }

  @Test
  void allMessagesReaderNeverSkipsAMessage() throws Exception {
    long start;
    try (Connection c = Sql.connect(db)) {
      start = (Long) value(c, "SELECT coalesce(max(global_position), 0) + 1 FROM message_store.messages");
    }
    List<String> streams = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      String category = Sql.category("all" + k);
      for (int i = 0; i < 8; i++) {
        streams.add(category + "-" + i);
      }
    }
    LoadResult r = load(streams, allReader(), start, 23);
    assertNothingSkipped("all messages", r, r.committed());
  }

  @Test
  void repeatableReadCategoryReaderNeverSkipsAMessage() throws Exception {
    // Each batch is read in its own REPEATABLE READ transaction whose snapshot is taken a few
    // milliseconds before the read, so writers keep committing in between.
    String category = Sql.category("followRR");
    List<String> streams = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      streams.add(category + "-" + i);
    }
    Random random = new Random(5);
    BatchReader reader = (c, position) -> {
      c.setAutoCommit(false);
      try {
        exec(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        value(c, "SELECT 1 FROM message_store.messages LIMIT 1");
        try {
          Thread.sleep(random.nextInt(4));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return messages(c, "SELECT * FROM get_category_messages(?, ?, ?)", category, position, BATCH);
      } finally {
        c.commit();
        c.setAutoCommit(true);
      }
    };
    LoadResult r = load(streams, reader, categoryReader(category), 1, 29, TRANSACTIONS_PER_WRITER / 3);
    assertNothingSkipped("category " + category + " (repeatable read)", r, r.committed());
  }

  // Deterministic interleavings -------------------------------------------------------------

  private static long nextAllPosition(Connection c) throws SQLException {
    return (Long) value(c, "SELECT coalesce(max(global_position), 0) + 1 FROM message_store.messages");
  }

  private static List<String> ids(List<Message> messages) {
    return messages.stream().map(Message::id).toList();
  }

  private static List<String> readCategory(Connection c, String category) throws SQLException {
    return ids(messages(c, "SELECT * FROM message_store.get_category_messages(?, ?, ?)", category, 1, 100));
  }

  private static List<String> readAll(Connection c, long from) throws SQLException {
    return ids(messages(c, "SELECT * FROM message_store.get_all_messages(?, ?)", from, 100));
  }

  @Test
  void multiMessageTransactionInterleavedWithLaterTransactionsThatCommitFirst() throws Exception {
    String category = Sql.category("interleave");
    try (Connection a = Sql.connect(db); Connection b = Sql.connect(db); Connection reader = Sql.connect(db)) {
      long allStart = nextAllPosition(reader);
      a.setAutoCommit(false);
      String a1 = write(a, category + "-1", "A");
      String b1 = write(b, category + "-2", "B"); // commits now, position above a1
      assertThat(readCategory(reader, category)).isEmpty();
      assertThat(readAll(reader, allStart)).isEmpty();

      String a2 = write(a, Sql.category("elsewhere") + "-3", "A");
      String a3 = write(a, category + "-3", "A");
      String b2 = write(b, category + "-4", "B");
      assertThat(readCategory(reader, category)).isEmpty();
      assertThat(readAll(reader, allStart)).isEmpty();
      // The writer itself is not held back by its own ticket: it sees its own and the committed messages.
      assertThat(readCategory(a, category)).containsExactly(a1, b1, a3, b2);

      a.commit();
      assertThat(readCategory(reader, category)).containsExactly(a1, b1, a3, b2);
      assertThat(readAll(reader, allStart)).containsExactly(a1, b1, a2, a3, b2);
    }
  }

  @Test
  void transactionWithAnEarlierXidButLaterPositionIsNotReturnedBeforeTheEarlierPosition() throws Exception {
    // A filter on "xmin older than every running transaction" would return b here and skip a1 later.
    String category = Sql.category("xid");
    try (Connection a = Sql.connect(db); Connection b = Sql.connect(db); Connection reader = Sql.connect(db)) {
      long allStart = nextAllPosition(reader);
      b.setAutoCommit(false);
      long xidB = Long.parseLong(value(b, "SELECT pg_current_xact_id()::text").toString());
      a.setAutoCommit(false);
      String a1 = write(a, category + "-1", "A");
      long xidA = Long.parseLong(value(a, "SELECT pg_current_xact_id()::text").toString());
      String b1 = write(b, category + "-2", "B");
      b.commit();
      assertThat(xidB).isLessThan(xidA);

      assertThat(readCategory(reader, category)).isEmpty();
      assertThat(readAll(reader, allStart)).isEmpty();
      a.commit();
      assertThat(readCategory(reader, category)).containsExactly(a1, b1);
      assertThat(readAll(reader, allStart)).containsExactly(a1, b1);
    }
  }

  @Test
  void repeatableReadReaderWhoseSnapshotPredatesACommitDoesNotSkipIt() throws Exception {
    // The reader's snapshot is older than its horizon: a1 is invisible to it even though a1's
    // writer has ended by the time the horizon is computed. Returning b1 would skip a1 for good.
    String category = Sql.category("repeatable");
    try (Connection a = Sql.connect(db); Connection b = Sql.connect(db); Connection reader = Sql.connect(db)) {
      long allStart = nextAllPosition(reader);
      a.setAutoCommit(false);
      String a1 = write(a, category + "-1", "A");
      String b1 = write(b, category + "-2", "B");

      reader.setAutoCommit(false);
      exec(reader, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      assertThat(value(reader, "SELECT count(*) FROM message_store.messages WHERE id = ?::uuid", b1)).isEqualTo(1L);
      a.commit();
      assertThat(value(reader, "SELECT count(*) FROM message_store.messages WHERE id = ?::uuid", a1)).isEqualTo(0L);
      assertThat(readCategory(reader, category)).doesNotContain(b1);
      assertThat(readAll(reader, allStart)).doesNotContain(b1);
      reader.commit();

      // A repeatable-read transaction that starts afterwards reads normally.
      assertThat(readCategory(reader, category)).containsExactly(a1, b1);
      assertThat(readAll(reader, allStart)).containsExactly(a1, b1);
      reader.commit();
      reader.setAutoCommit(true);
      assertThat(readCategory(reader, category)).containsExactly(a1, b1);
    }
  }

  @Test
  void repeatableReadReaderDoesNotSkipAWriterWhoseTransactionIdIsAboveItsSnapshotXmax() throws Exception {
    // W has the older transaction id but the later position; the reader's snapshot is taken
    // after W committed and before X did, so X's id is not in the snapshot's running list but
    // at or above its xmax.
    String category = Sql.category("xmax");
    try (Connection w = Sql.connect(db); Connection x = Sql.connect(db); Connection reader = Sql.connect(db)) {
      w.setAutoCommit(false);
      value(w, "SELECT pg_current_xact_id()");
      x.setAutoCommit(false);
      String x1 = write(x, category + "-1", "X");
      long xidX = Long.parseLong(value(x, "SELECT pg_current_xact_id()::text").toString());
      String w1 = write(w, category + "-2", "W");
      w.commit();

      reader.setAutoCommit(false);
      exec(reader, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      long xmax = Long.parseLong(value(reader, "SELECT pg_snapshot_xmax(pg_current_snapshot())::text").toString());
      Assumptions.assumeTrue(xidX >= xmax, "no other transaction completed in between, so X is above the snapshot's xmax");
      x.commit();
      assertThat(readCategory(reader, category)).doesNotContain(w1);
      reader.commit();
      reader.setAutoCommit(true);
      assertThat(readCategory(reader, category)).containsExactly(x1, w1);
    }
  }

  @Test
  void serializableAutocommitReadsReturnMessages() throws Exception {
    String category = Sql.category("serializable");
    try (Connection w = Sql.connect(db); Connection reader = Sql.connect(db)) {
      String m1 = write(w, category + "-1", "M");
      String m2 = write(w, category + "-2", "M");
      exec(reader, "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE");
      assertThat(readCategory(reader, category)).containsExactly(m1, m2);
      reader.setAutoCommit(false);
      assertThat(readCategory(reader, category)).containsExactly(m1, m2);
      String m3 = write(w, category + "-3", "M");
      assertThat(readCategory(reader, category)).containsExactly(m1, m2); // same snapshot
      reader.commit();
      assertThat(readCategory(reader, category)).containsExactly(m1, m2, m3);
      reader.commit();
    }
  }

  @Test
  void rollbackReleasesTheHoldAndItsMessagesNeverAppear() throws Exception {
    String category = Sql.category("rollback");
    try (Connection a = Sql.connect(db); Connection b = Sql.connect(db); Connection reader = Sql.connect(db)) {
      a.setAutoCommit(false);
      write(a, category + "-1", "A");
      String b1 = write(b, category + "-2", "B");
      assertThat(readCategory(reader, category)).isEmpty();
      a.rollback();
      assertThat(readCategory(reader, category)).containsExactly(b1);
    }
  }

  @Test
  void savepointRollbackReleasesTheHoldAndReleaseKeepsIt() throws Exception {
    String category = Sql.category("savepoint");
    try (Connection a = Sql.connect(db); Connection b = Sql.connect(db); Connection reader = Sql.connect(db)) {
      a.setAutoCommit(false);
      exec(a, "SAVEPOINT s1");
      write(a, category + "-1", "Undone");
      exec(a, "ROLLBACK TO SAVEPOINT s1");
      String b1 = write(b, category + "-2", "B");
      assertThat(readCategory(reader, category)).containsExactly(b1);

      exec(a, "SAVEPOINT s2");
      String a1 = write(a, category + "-1", "Kept");
      exec(a, "RELEASE SAVEPOINT s2");
      String b2 = write(b, category + "-2", "B");
      assertThat(readCategory(reader, category)).containsExactly(b1);
      // A failed statement inside a later savepoint must not drop the hold of a1.
      exec(a, "SAVEPOINT s3");
      Sql.error(() -> write(a, a1, category + "-5", "Duplicate", "{}", null, null));
      exec(a, "ROLLBACK TO SAVEPOINT s3");
      String b3 = write(b, category + "-2", "B");
      assertThat(readCategory(reader, category)).containsExactly(b1);
      String a2 = write(a, category + "-1", "Kept");
      a.commit();
      assertThat(readCategory(reader, category)).containsExactly(b1, a1, b2, b3, a2);
    }
  }
}
