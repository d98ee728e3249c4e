package dev.videotutorials.benchmarks.consumers;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.WriteListener;
import dev.videotutorials.messagestore.consumer.wakeup.CommitNotifier;
import dev.videotutorials.messagestore.consumer.wakeup.WakeUpSettings;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.LoggerFactory;

/**
 * The writer process of the latency benchmark: writes {@code rate} messages a second, each
 * {@code {"seq": n}} at its scheduled time, and notes the wall-clock times at which each write
 * started and returned (had committed). At the end it prints {@code committed seq startMicros commitMicros} lines.
 *
 * <p>Arguments: rate, seconds, category, notify (true/false). Connection string in
 * {@value #CONNECTION_ENV}.
 */
public final class LatencyWriter {

  static final String CONNECTION_ENV = "CONSUMER_BENCHMARK_CONNECTION";
  static final String TYPE = "Timed";
  /** Starts each output line that reports a commit (logging may write to stdout too). */
  static final String COMMITTED = "committed ";
  /** Enough writers in flight that a slow fsync does not make the schedule slip. */
  static final int WRITER_THREADS = 16;
  static final int STREAMS = 50;

  private LatencyWriter() {
  }

  public static void main(String[] args) throws Exception {
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    int rate = Integer.parseInt(args[0]);
    int seconds = Integer.parseInt(args[1]);
    String category = args[2];
    boolean notify = Boolean.parseBoolean(args[3]);
    ConnectionString connectionString = ConnectionString.parse(System.getenv(CONNECTION_ENV));

    long[] startedMicros = new long[rate * seconds];
    long[] committedMicros = new long[rate * seconds];
    try (HikariDataSource pool = Databases.pool(connectionString, "latency-writer", WRITER_THREADS)) {
      CommitNotifier notifier = notify ? CommitNotifier.start(connectionString, WakeUpSettings.DEFAULTS) : null;
      MessageStore store = new MessageStore(pool, notifier == null ? WriteListener.NONE : notifier);
      store.streamVersion(category + "-0");
      write(store, category, rate, startedMicros, committedMicros);
      if (notifier != null) {
        notifier.close();
      }
    }
    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.US_ASCII));
    for (int seq = 0; seq < committedMicros.length; seq++) {
      out.write(COMMITTED + seq + " " + startedMicros[seq] + " " + committedMicros[seq] + "\n");
    }
    out.flush();
  }

  private static void write(MessageStore store, String category, int rate, long[] startedMicros,
      long[] committedMicros) throws InterruptedException {
    long intervalNanos = 1_000_000_000L / rate;
    long start = System.nanoTime() + 100_000_000L;
    AtomicInteger next = new AtomicInteger();
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < WRITER_THREADS; t++) {
      Thread writer = new Thread(() -> {
        int seq;
        while ((seq = next.getAndIncrement()) < committedMicros.length) {
          long due = start + seq * intervalNanos;
          long wait;
          while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
          }
          startedMicros[seq] = Clock.nowMicros();
          store.write(category + "-" + (seq % STREAMS), NewMessage.of(TYPE, JsonObject.of("seq", seq)));
          committedMicros[seq] = Clock.nowMicros();
        }
      });
      writers.add(writer);
      writer.start();
    }
    for (Thread writer : writers) {
      writer.join();
    }
  }
}
