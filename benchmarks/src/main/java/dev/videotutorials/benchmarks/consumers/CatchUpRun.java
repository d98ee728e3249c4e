package dev.videotutorials.benchmarks.consumers;

import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.consumer.Consumer;
import dev.videotutorials.messagestore.consumer.PositionStore;
import dev.videotutorials.messagestore.consumer.wakeup.WakeUpChannel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Catch-up: a backlog written beforehand, then a consumer with a trivial handler reading it
 * all from the start, recording its position as it goes (default interval).
 */
final class CatchUpRun {

  private static final String CATEGORY = "catchUp";
  private static final int STREAMS = 100;
  private static final int MESSAGES_PER_TRANSACTION = 20_000;
  private static final String WRITE_MANY =
      "SELECT count(message_store.write_message(gen_random_uuid()::varchar, ? || '-' || (n % ?), ?,"
          + " jsonb_build_object('n', n, 'note', 'a message of the backlog')))"
          + " FROM generate_series(?::bigint, ?::bigint) AS n";

  /** One consumer's pass over the backlog. */
  record Pass(long messages, Duration elapsed, long positionWrites) {
    double messagesPerSecond() {
      return messages * 1e9 / elapsed.toNanos();
    }
  }

  record Result(long backlog, Duration setUp, List<Pass> passes) {
  }

  private final BenchmarkServer server;
  private final int backlog;
  private final int passes;

  CatchUpRun(BenchmarkServer server, int backlog, int passes) {
    this.server = server;
    this.backlog = backlog;
    this.passes = passes;
  }

  Result run() throws Exception {
    ConnectionString connectionString = server.freshStore("catch_up");
    try (HikariDataSource pool = Databases.pool(connectionString, "catch-up", 4);
         WakeUpChannel channel = WakeUpChannel.start(connectionString)) {
      long started = System.nanoTime();
      long lastGlobalPosition = writeBacklog(pool);
      Duration setUp = Duration.ofNanos(System.nanoTime() - started);
      MessageStore store = channel.notifying(new MessageStore(pool));
      List<Pass> results = new ArrayList<>();
      for (int pass = 1; pass <= passes; pass++) {
        results.add(consumeAll(store, channel, "catch-up-" + pass, lastGlobalPosition));
      }
      return new Result(backlog, setUp, results);
    }
  }

  private Pass consumeAll(MessageStore store, WakeUpChannel channel, String subscriberId, long lastGlobalPosition)
      throws InterruptedException {
    AtomicLong handled = new AtomicLong();
    Consumer consumer = Consumer.builder(store, subscriberId)
        .category(CATEGORY)
        .onAny(message -> handled.incrementAndGet())
        .pollInterval(Duration.ofSeconds(1))
        .wakeUps(channel.wakeUps())
        .build();
    long started = System.nanoTime();
    consumer.start();
    LatencyRun.waitFor(Duration.ofMinutes(10), () -> consumer.position() >= lastGlobalPosition,
        "the consumer to reach the end of the backlog");
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    consumer.stop();
    long positionWrites = store.streamVersion(new PositionStore(store, subscriberId).streamName()) + 1;
    return new Pass(handled.get(), elapsed, positionWrites);
  }

  /** Writes the backlog in large transactions through write_message; returns the last global position. */
  private long writeBacklog(HikariDataSource pool) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement write = connection.prepareStatement(WRITE_MANY)) {
        for (long from = 1; from <= backlog; from += MESSAGES_PER_TRANSACTION) {
          write.setString(1, CATEGORY);
          write.setInt(2, STREAMS);
          write.setString(3, "Counted");
          write.setLong(4, from);
          write.setLong(5, Math.min(backlog, from + MESSAGES_PER_TRANSACTION - 1));
          write.executeQuery().close();
          connection.commit();
        }
      }
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        // A backlog is old by definition: autovacuum would have visited it.
        statement.execute("VACUUM ANALYZE message_store.messages");
        try (ResultSet rs = statement.executeQuery("SELECT max(global_position) FROM message_store.messages")) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }
  }
}
