package dev.videotutorials.benchmarks.consumers;

import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.consumer.wakeup.WakeUpChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Write throughput with and without the wake-up mechanism (commit notifier and listener),
 * rounds interleaved so that drift affects both alike.
 */
final class WriteThroughputRun {

  private static final String CATEGORY = "throughput";

  /** One round; {@code notifications}: NOTIFYs the commit notifier sent (0 without wake-ups). */
  record Round(boolean wakeUps, long messages, double messagesPerSecond, long notifications) {
  }

  record Result(int writers, Duration roundLength, List<Round> rounds) {
    double mean(boolean wakeUps) {
      return rounds.stream().filter(round -> round.wakeUps() == wakeUps)
          .mapToDouble(Round::messagesPerSecond).average().orElseThrow();
    }

    double ratio() {
      return mean(true) / mean(false);
    }

    /** (fastest - slowest) / mean of the rounds without wake-ups: the noise of the measurement. */
    double spreadWithout() {
      double[] without = rounds.stream().filter(round -> !round.wakeUps())
          .mapToDouble(Round::messagesPerSecond).toArray();
      double max = Arrays.stream(without).max().orElseThrow();
      double min = Arrays.stream(without).min().orElseThrow();
      return (max - min) / mean(false);
    }
  }

  private final BenchmarkServer server;
  private final int writers;
  private final Duration roundLength;
  private final int roundsEach;

  WriteThroughputRun(BenchmarkServer server, int writers, Duration roundLength, int roundsEach) {
    this.server = server;
    this.writers = writers;
    this.roundLength = roundLength;
    this.roundsEach = roundsEach;
  }

  Result run() throws Exception {
    ConnectionString connectionString = server.freshStore("write_throughput");
    try (HikariDataSource pool = Databases.pool(connectionString, "throughput", writers)) {
      MessageStore plain = new MessageStore(pool);
      round(plain, 0, Duration.ofSeconds(3));
      List<Round> rounds = new ArrayList<>();
      for (int round = 1; round <= roundsEach * 2; round++) {
        boolean wakeUps = round % 2 == 0;
        if (wakeUps) {
          try (WakeUpChannel channel = WakeUpChannel.start(connectionString)) {
            LatencyRun.waitFor(Duration.ofSeconds(30), channel.listener()::listening, "the listener to listen");
            Written written = round(channel.notifying(plain), round, roundLength);
            rounds.add(new Round(true, written.messages(), written.perSecond(), channel.notifier().notificationsSent()));
          }
        } else {
          Written written = round(plain, round, roundLength);
          rounds.add(new Round(false, written.messages(), written.perSecond(), 0));
        }
      }
      return new Result(writers, roundLength, rounds);
    }
  }

  private record Written(long messages, double perSecond) {
  }

  /** Every writer writes single messages to a stream of its own until time is up. */
  private Written round(MessageStore store, int round, Duration length) throws InterruptedException {
    AtomicLong written = new AtomicLong();
    long started = System.nanoTime();
    long end = started + length.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int writer = 0; writer < writers; writer++) {
      String stream = CATEGORY + "-" + round + "x" + writer;
      Thread thread = new Thread(() -> {
        while (System.nanoTime() < end) {
          store.write(stream, NewMessage.of("Written", JsonObject.of("round", round)));
          written.incrementAndGet();
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return new Written(written.get(), written.get() * 1e9 / (System.nanoTime() - started));
  }
}
