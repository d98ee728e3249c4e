package dev.videotutorials.app.system;

import dev.videotutorials.messagestore.consumer.Consumer;
import dev.videotutorials.messagestore.consumer.ConsumerState;
import dev.videotutorials.messagestore.consumer.ConsumerStatus;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Checks that every database answers within a deadline and that every consumer of this process
 * runs (holding its subscription, or standing by for another instance that holds it). The report is what {@code GET /health} returns as JSON.
 */
public final class HealthCheck implements AutoCloseable {

  private static final Duration DEADLINE = Duration.ofSeconds(2);

  private final Map<String, DataSource> databases;
  private final Supplier<List<Consumer>> consumers;
  private final ExecutorService probes = Executors.newFixedThreadPool(2, runnable -> {
    Thread thread = new Thread(runnable, "health-probe");
    thread.setDaemon(true);
    return thread;
  });

  /** {@code databases} by the name shown in the report. */
  public HealthCheck(Map<String, DataSource> databases, Supplier<List<Consumer>> consumers) {
    this.databases = new LinkedHashMap<>(databases);
    this.consumers = consumers;
  }

  public record Report(boolean healthy, Map<String, Object> body) {
  }

  public Report check() {
    Map<String, CompletableFuture<String>> probesByName = new LinkedHashMap<>();
    databases.forEach((name, dataSource) -> probesByName.put(name, probe(dataSource)));
    boolean healthy = true;
    Map<String, Object> databaseReports = new LinkedHashMap<>();
    for (Map.Entry<String, CompletableFuture<String>> entry : probesByName.entrySet()) {
      String failure = entry.getValue().join();
      healthy &= failure == null;
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("status", failure == null ? "up" : "down");
      if (failure != null) {
        report.put("error", failure);
      }
      databaseReports.put(entry.getKey(), report);
    }
    List<Map<String, Object>> consumerReports = new ArrayList<>();
    for (Consumer consumer : consumers.get()) {
      ConsumerStatus status = consumer.status();
      // A standby is healthy: another instance holds the subscription, this one takes over.
      healthy &= status.state() != ConsumerState.STOPPED;
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("subscriberId", status.subscriberId());
      if (status.consumerGroupMember() != null) {
        report.put("consumerGroupMember", status.consumerGroupMember());
      }
      report.put("status", switch (status.state()) {
        case ACTIVE -> "running";
        case STANDBY -> "standby";
        case STOPPED -> "stopped";
      });
      report.put("position", status.position());
      report.put("lagMessages", status.lagMessages());
      report.put("lagSeconds", status.lagSeconds());
      report.put("parkedMessages", status.parkedMessages());
      if (status.lastError() != null) {
        report.put("lastError", status.lastError());
        report.put("lastErrorAt", String.valueOf(status.lastErrorAt()));
      }
      consumerReports.add(report);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", healthy ? "healthy" : "unhealthy");
    body.put("timestamp", Instant.now().toString());
    body.put("databases", databaseReports);
    body.put("consumers", consumerReports);
    return new Report(healthy, body);
  }

  /** Completes with null when the database answered, or with the reason it did not. */
  private CompletableFuture<String> probe(DataSource dataSource) {
    return CompletableFuture.supplyAsync(() -> {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        statement.setQueryTimeout((int) DEADLINE.toSeconds());
        statement.execute("SELECT 1");
        return (String) null;
      } catch (Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
      }
    }, probes).completeOnTimeout("no answer within " + DEADLINE.toSeconds() + " s", DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    probes.shutdownNow();
  }
}
