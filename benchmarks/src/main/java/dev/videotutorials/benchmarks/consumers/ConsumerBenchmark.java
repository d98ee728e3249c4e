package dev.videotutorials.benchmarks.consumers;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * The consumer benchmark: end-to-end latency with wake-ups and with polling only, catch-up
 * speed over a large backlog, and write throughput with and without the wake-up mechanism.
 * Writes the {@code ## Consumers} section of {@code benchmarks/RESULTS.md}.
 *
 * <p>Run from the repository root:
 * {@code ./mvnw -B -q -pl benchmarks -am package -DskipTests && java -cp benchmarks/target/benchmarks.jar
 * dev.videotutorials.benchmarks.consumers.ConsumerBenchmark}. System properties shorten a run
 * for trying things out (results are then not written): {@code latency.seconds},
 * {@code catchup.messages}, {@code throughput.seconds}; {@code only=latency|catchup|throughput} runs one
 * part, and {@code latency.timeline=DIR} writes each latency run's per-message
 * times there as CSV.
 */
public final class ConsumerBenchmark {

  static final String COMMAND = "./mvnw -B -q -pl benchmarks -am package -DskipTests && "
      + "java -cp benchmarks/target/benchmarks.jar dev.videotutorials.benchmarks.consumers.ConsumerBenchmark";

  private static final int LATENCY_RATE = 1_000;
  private static final int LATENCY_SECONDS = 20;
  private static final int LATENCY_WARM_UP_SECONDS = 2;
  /** A first, unreported latency run, so that no measured run pays for this JVM's cold code. */
  private static final int WARM_UP_RUN_SECONDS = 5;
  private static final int CATCH_UP_MESSAGES = 1_000_000;
  private static final int CATCH_UP_PASSES = 2;
  private static final int THROUGHPUT_WRITERS = 16;
  private static final int THROUGHPUT_SECONDS = 10;
  private static final int THROUGHPUT_ROUNDS_EACH = 4;

  private ConsumerBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    int latencySeconds = Integer.getInteger("latency.seconds", LATENCY_SECONDS);
    int catchUpMessages = Integer.getInteger("catchup.messages", CATCH_UP_MESSAGES);
    int throughputSeconds = Integer.getInteger("throughput.seconds", THROUGHPUT_SECONDS);
    String only = System.getProperty("only", "");
    boolean fullRun = only.isEmpty() && latencySeconds == LATENCY_SECONDS && catchUpMessages == CATCH_UP_MESSAGES
        && throughputSeconds == THROUGHPUT_SECONDS;
    Path results = Path.of(System.getProperty("results", "benchmarks/RESULTS.md"));

    try (BenchmarkServer server = BenchmarkServer.start(Path.of("benchmarks", "target", "consumer-benchmark-pg"))) {
      Report report = new Report(LocalDate.now(), Machine.describe(), server.describe());
      report.loadBefore = Machine.loadAverage();
      System.out.println("Server: " + report.server() + "; load average " + report.loadBefore);

      if (only.isEmpty() || only.equals("latency")) {
        new LatencyRun(server, LATENCY_RATE, WARM_UP_RUN_SECONDS, 0).withWakeUps();
        LatencyRun latency = new LatencyRun(server, LATENCY_RATE, latencySeconds, LATENCY_WARM_UP_SECONDS);
        report.wakeUpLatency = print(latency.withWakeUps());
        report.pollingLatency = print(latency.pollingOnly());
        report.wakeUpLatencyWithoutPositionWrites = print(latency.withWakeUpsWithoutPositionWrites());
      }
      if (only.isEmpty() || only.equals("catchup")) {
        report.catchUp = new CatchUpRun(server, catchUpMessages, CATCH_UP_PASSES).run();
        report.catchUp.passes().forEach(pass -> System.out.printf(Locale.ROOT,
            "Catch-up: %,d messages in %.1f s = %,.0f messages/s (%d position writes)%n",
            pass.messages(), pass.elapsed().toMillis() / 1000.0, pass.messagesPerSecond(), pass.positionWrites()));
      }
      if (only.isEmpty() || only.equals("throughput")) {
        report.throughput = new WriteThroughputRun(server, THROUGHPUT_WRITERS, Duration.ofSeconds(throughputSeconds),
            THROUGHPUT_ROUNDS_EACH).run();
        report.throughput.rounds().forEach(round -> System.out.printf(Locale.ROOT,
            "Write throughput %s wake-ups: %,.0f messages/s (%,d NOTIFYs)%n", round.wakeUps() ? "with" : "without",
            round.messagesPerSecond(), round.notifications()));
        System.out.printf(Locale.ROOT, "Write throughput ratio with/without: %.3f%n", report.throughput.ratio());
      }
      report.loadAfter = Machine.loadAverage();
      System.out.println("Load average " + report.loadAfter);

      if (fullRun) {
        ResultsSection.write(results, "## Consumers", report.markdown(LATENCY_RATE, LATENCY_SECONDS,
            LATENCY_WARM_UP_SECONDS));
        System.out.println("Results written to " + results.toAbsolutePath());
      } else {
        System.out.println("Partial run: " + results + " left as it was");
      }
    }
  }

  private static LatencyRun.Result print(LatencyRun.Result result) {
    Percentiles latency = result.latency();
    System.out.printf(Locale.ROOT, "Latency, %s (writer %.0f messages/s, commit p50 %.2f ms, p99 %.2f ms):"
            + " p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms over %d messages%n", result.setup(),
        result.writeRate(), result.commitLatency().p50(), result.commitLatency().p99(), latency.p50(), latency.p90(),
        latency.p99(), latency.max(), latency.count());
    return result;
  }
}
