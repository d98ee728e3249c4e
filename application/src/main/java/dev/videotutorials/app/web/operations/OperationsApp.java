package dev.videotutorials.app.web.operations;

import dev.videotutorials.app.system.HealthCheck;
import dev.videotutorials.app.system.MetricsRegistry;
import dev.videotutorials.messagestore.JsonObject;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code GET /health} (JSON; 503 when unhealthy) and {@code GET /metrics} (Prometheus text). */
public final class OperationsApp {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HealthCheck health;
  private final MetricsRegistry metrics;

  public OperationsApp(HealthCheck health, MetricsRegistry metrics) {
    this.health = health;
    this.metrics = metrics;
  }

  public void register(RoutesConfig routes) {
    routes.get("/health", this::health);
    routes.get("/metrics", this::metrics);
  }

  private void health(Context ctx) {
    HealthCheck.Report report = health.check();
    ctx.status(report.healthy() ? 200 : 503)
        .header("Cache-Control", "no-store")
        .contentType("application/json")
        .result(JsonObject.from(report.body()).toJson());
  }

  private void metrics(Context ctx) {
    ctx.header("Cache-Control", "no-store").contentType(PROMETHEUS_TEXT).result(metrics.scrape());
  }
}
