package dev.videotutorials.benchmarks.consumers;

import java.time.LocalDate;
import java.util.Locale;

/** The measured figures, and their write-up as the {@code ## Consumers} section. */
final class Report {

  static final double P50_TARGET_MS = 5;
  static final double P99_TARGET_MS = 25;
  static final double CATCH_UP_TARGET = 100_000;
  static final double THROUGHPUT_RATIO_TARGET = 0.95;

  private final LocalDate date;
  private final String machine;
  private final String server;
  String loadBefore;
  String loadAfter;
  LatencyRun.Result wakeUpLatency;
  LatencyRun.Result pollingLatency;
  LatencyRun.Result wakeUpLatencyWithoutPositionWrites;
  CatchUpRun.Result catchUp;
  WriteThroughputRun.Result throughput;

  Report(LocalDate date, String machine, String server) {
    this.date = date;
    this.machine = machine;
    this.server = server;
  }

  String server() {
    return server;
  }

  String markdown(int rate, int seconds, int warmUpSeconds) {
    StringBuilder md = new StringBuilder();
    md.append("Run on ").append(date).append(": ").append(machine).append("; ").append(server)
        .append(". Load average (1 min) at start ").append(loadBefore).append(", at end ").append(loadAfter)
        .append(" (other work was running on the machine when it is far above 0).\n\n");
    md.append("Command (from the repository root; set `MESSAGE_STORE_CONNECTION_STRING` to use another server):\n\n");
    md.append("    ").append(ConsumerBenchmark.COMMAND).append("\n\n");

    md.append("### End-to-end latency: commit in one process → handler called in another\n\n");
    md.append(format("A writer JVM writes %,d messages/s for %d s (%d writer threads, %d streams of one category) "
        + "and notes the wall-clock time at which each write returned; the consumer in the benchmark JVM notes "
        + "when its handler is called. An unreported 5 s run warms the benchmark JVM up first, and the first %d s of each run are left out. Consumer: batch size 1000, "
        + "position written every 100 messages.%n%n", rate, seconds, LatencyWriter.WRITER_THREADS, LatencyWriter.STREAMS,
        warmUpSeconds));
    md.append("| consumer set-up | writer rate (msg/s) | writer's commit p50 / p99 | p50 | p90 | p99 | max | messages |\n");
    md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (LatencyRun.Result result : new LatencyRun.Result[] {wakeUpLatency, pollingLatency,
        wakeUpLatencyWithoutPositionWrites}) {
      Percentiles p = result.latency();
      md.append(format("| %s | %,.0f | %.2f / %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %,d |%n",
          result.setup(), result.writeRate(), result.commitLatency().p50(), result.commitLatency().p99(),
          p.p50(), p.p90(), p.p99(), p.max(), p.count()));
    }
    md.append(format("%n\"Writer's commit\" is how long a write took in the writer process (start to commit "
        + "returned, fsync included): the consumer's own position writes pay the same on its handling path. "
        + "The diagnostic row shows the latency when the consumer records its position only when it stops.%n"));
    Percentiles wakeUps = wakeUpLatency.latency();
    md.append(format("%nTargets (wake-ups): p50 ≤ %.0f ms — **%s** (%.2f ms); p99 ≤ %.0f ms — **%s** (%.2f ms).%n%n",
        P50_TARGET_MS, met(wakeUps.p50() <= P50_TARGET_MS), wakeUps.p50(),
        P99_TARGET_MS, met(wakeUps.p99() <= P99_TARGET_MS), wakeUps.p99()));

    md.append("### Catch-up: one consumer reading a backlog from position 0\n\n");
    md.append(format("Backlog: %,d messages in 100 streams of one category, written beforehand with write_message "
        + "in transactions of 20,000 (%.0f s), then VACUUM ANALYZE. Trivial handler; batch size 1000; the "
        + "position is written as in production (default interval; the last column counts the position writes made).%n%n",
        catchUp.backlog(), catchUp.setUp().toMillis() / 1000.0));
    md.append("| pass | messages | seconds | messages/s | position writes |\n");
    md.append("| ---: | ---: | ---: | ---: | ---: |\n");
    double slowest = Double.MAX_VALUE;
    int pass = 1;
    for (CatchUpRun.Pass result : catchUp.passes()) {
      md.append(format("| %d | %,d | %.1f | %,.0f | %,d |%n", pass++, result.messages(),
          result.elapsed().toMillis() / 1000.0, result.messagesPerSecond(), result.positionWrites()));
      slowest = Math.min(slowest, result.messagesPerSecond());
    }
    md.append(format("%nTarget ≥ %,.0f messages/s — **%s** (slowest pass %,.0f messages/s).%n%n",
        CATCH_UP_TARGET, met(slowest >= CATCH_UP_TARGET), slowest));

    md.append("### Write throughput with the wake-up mechanism active\n\n");
    md.append(format("%d writer threads, each writing single messages to a stream of its own, for %d s per round; "
        + "rounds without and with the mechanism (commit notifier on the store plus a listening process "
        + "connection) interleaved, after a 3 s warm-up round.%n%n",
        throughput.writers(), throughput.roundLength().toSeconds()));
    md.append("| round | wake-up mechanism | messages/s | NOTIFYs sent |\n| ---: | --- | ---: | ---: |\n");
    int round = 1;
    for (WriteThroughputRun.Round result : throughput.rounds()) {
      md.append(format("| %d | %s | %,.0f | %,d |%n", round++, result.wakeUps() ? "on" : "off",
          result.messagesPerSecond(), result.notifications()));
    }
    md.append(format("%nMean without: %,.0f messages/s; with: %,.0f messages/s; ratio %.3f. "
            + "Target: within 5%% (ratio ≥ %.2f) — **%s**.%n",
        throughput.mean(false), throughput.mean(true), throughput.ratio(), THROUGHPUT_RATIO_TARGET,
        met(throughput.ratio() >= THROUGHPUT_RATIO_TARGET)));
    md.append(format("Rounds without the mechanism differ from each other by up to %.0f%% (other work on the "
        + "machine, disk included): the ratio is no more precise than that.%n", 100 * throughput.spreadWithout()));
    return md.toString();
  }

  private static String met(boolean met) {
    return met ? "met" : "not met";
  }

  private static String format(String pattern, Object... arguments) {
    return String.format(Locale.ROOT, pattern, arguments);
  }
}
