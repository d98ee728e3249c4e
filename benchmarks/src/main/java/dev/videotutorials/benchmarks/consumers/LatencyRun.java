package dev.videotutorials.benchmarks.consumers;

import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.consumer.Consumer;
import dev.videotutorials.messagestore.consumer.WakeUps;
import dev.videotutorials.messagestore.consumer.wakeup.WakeUpChannel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * End-to-end latency: a writer in another JVM commits messages at a steady rate; a consumer in
 * this JVM notes when its handler is called. Latency = handler call - commit return, both on
 * the machine's wall clock.
 */
final class LatencyRun {

  private static final String CATEGORY = "latency";
  private static final int DEFAULT_POSITION_UPDATE_INTERVAL = 100;

  /** What was measured with one consumer set-up. */
  record Result(String setup, double writeRate, Percentiles commitLatency, Percentiles latency) {
  }

  /** What the writer process reported: per message, when its write started and when it returned. */
  private record Writes(long[] startedMicros, long[] committedMicros) {
  }

  private final BenchmarkServer server;
  private final int rate;
  private final int seconds;
  private final int warmUpSeconds;

  LatencyRun(BenchmarkServer server, int rate, int seconds, int warmUpSeconds) {
    this.server = server;
    this.rate = rate;
    this.seconds = seconds;
    this.warmUpSeconds = warmUpSeconds;
  }

  /** Writer announces its commits; the consumer waits on LISTEN wake-ups, polling each second. */
  Result withWakeUps() throws Exception {
    return run("wake-ups (LISTEN), poll 1 s", true, Duration.ofSeconds(1), DEFAULT_POSITION_UPDATE_INTERVAL);
  }

  /**
   * Diagnostic: as {@link #withWakeUps} but the consumer records its position only when it
   * stops, which shows how much of the latency the (durable) position writes cost.
   */
  Result withWakeUpsWithoutPositionWrites() throws Exception {
    return run("wake-ups, position written only at stop (diagnostic)", true, Duration.ofSeconds(1),
        Integer.MAX_VALUE);
  }

  /** No notifications at all: the consumer polls every 100 ms, like the original system. */
  Result pollingOnly() throws Exception {
    return run("polling only, poll 100 ms", false, Duration.ofMillis(100), DEFAULT_POSITION_UPDATE_INTERVAL);
  }

  private Result run(String setup, boolean wakeUps, Duration pollInterval, int positionUpdateInterval)
      throws Exception {
    ConnectionString connectionString = server.freshStore(wakeUps ? "latency_wake_ups" : "latency_polling");
    int total = rate * seconds;
    long[] handledMicros = new long[total];
    AtomicInteger handled = new AtomicInteger();
    try (HikariDataSource pool = Databases.pool(connectionString, "latency-consumer", 4);
         WakeUpChannel channel = wakeUps ? WakeUpChannel.start(connectionString) : null) {
      MessageStore store = channel == null ? new MessageStore(pool) : channel.notifying(new MessageStore(pool));
      Consumer consumer = Consumer.builder(store, "latency-benchmark")
          .category(CATEGORY)
          .on(LatencyWriter.TYPE, message -> {
            long now = Clock.nowMicros();
            int seq = message.data().longValue("seq").intValue();
            if (handledMicros[seq] == 0) {
              handledMicros[seq] = now;
              handled.incrementAndGet();
            }
          })
          .pollInterval(pollInterval)
          .positionUpdateInterval(positionUpdateInterval)
          .wakeUps(channel == null ? WakeUps.POLLING : channel.wakeUps())
          .build();
      if (channel != null) {
        waitFor(Duration.ofSeconds(30), channel.listener()::listening, "the listener to listen");
      }
      consumer.start();
      Writes writes = runWriter(connectionString, wakeUps);
      waitFor(Duration.ofSeconds(60), () -> handled.get() == total, "every message to be handled");
      consumer.stop();
      dumpTimeline(setup, writes, handledMicros);
      return new Result(setup, writeRate(writes.committedMicros()),
          measured(writes.startedMicros(), writes.committedMicros()),
          measured(writes.committedMicros(), handledMicros));
    }
  }

  private Writes runWriter(ConnectionString connectionString, boolean notify) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        LatencyWriter.class.getName(), String.valueOf(rate), String.valueOf(seconds), CATEGORY,
        String.valueOf(notify));
    builder.environment().put(LatencyWriter.CONNECTION_ENV, connectionUrl(connectionString));
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process writer = builder.start();
    long[] startedMicros = new long[rate * seconds];
    long[] committedMicros = new long[rate * seconds];
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(writer.getInputStream(), StandardCharsets.US_ASCII))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith(LatencyWriter.COMMITTED)) {
          String[] fields = line.substring(LatencyWriter.COMMITTED.length()).split(" ");
          int seq = Integer.parseInt(fields[0]);
          startedMicros[seq] = Long.parseLong(fields[1]);
          committedMicros[seq] = Long.parseLong(fields[2]);
        } else {
          System.out.println("writer: " + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!writer.waitFor(seconds + 120L, TimeUnit.SECONDS) || writer.exitValue() != 0) {
      writer.destroyForcibly();
      throw new IllegalStateException("The writer process failed");
    }
    return new Writes(startedMicros, committedMicros);
  }

  /** With -Dlatency.timeline=DIR: one CSV per run (seq, started, committed, handled) for a closer look. */
  private static void dumpTimeline(String setup, Writes writes, long[] handledMicros) throws IOException {
    String directory = System.getProperty("latency.timeline");
    if (directory == null) {
      return;
    }
    StringBuilder csv = new StringBuilder("seq,started,committed,handled\n");
    for (int seq = 0; seq < handledMicros.length; seq++) {
      csv.append(seq).append(',').append(writes.startedMicros()[seq]).append(',')
          .append(writes.committedMicros()[seq]).append(',').append(handledMicros[seq]).append('\n');
    }
    java.nio.file.Files.writeString(Path.of(directory, setup.replaceAll("[^a-z0-9]+", "-") + ".csv"), csv);
  }

  /** Percentiles of {@code to - from} over the messages after the warm-up. */
  private Percentiles measured(long[] fromMicros, long[] toMicros) {
    int first = warmUpSeconds * rate;
    long[] latencies = new long[fromMicros.length - first];
    for (int seq = first; seq < fromMicros.length; seq++) {
      latencies[seq - first] = toMicros[seq] - fromMicros[seq];
    }
    return Percentiles.ofMicros(latencies);
  }

  private double writeRate(long[] committedMicros) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (long micros : committedMicros) {
      first = Math.min(first, micros);
      last = Math.max(last, micros);
    }
    return (committedMicros.length - 1) * 1_000_000.0 / (last - first);
  }

  /** A {@code postgresql://} URL the writer process can parse (credentials included). */
  private static String connectionUrl(ConnectionString connectionString) {
    if (connectionString.user() == null) {
      return connectionString.jdbcUrl();
    }
    String credentials = encode(connectionString.user())
        + (connectionString.password() == null ? "" : ":" + encode(connectionString.password()));
    return connectionString.jdbcUrl().replaceFirst("^jdbc:postgresql://", "postgresql://" + credentials + "@");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static void waitFor(Duration deadline, BooleanSupplier condition, String what)
      throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        throw new IllegalStateException("Gave up waiting for " + what);
      }
      Thread.sleep(10);
    }
  }
}
