package dev.videotutorials.app.web.common;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Times every request as {@code http.server.requests}, tagged by method, route template (not the
 * raw path, which would explode the number of series), status and outcome.
 */
public final class HttpMetrics {

  private static final String START = HttpMetrics.class.getName() + ".start";

  private final MeterRegistry registry;

  public HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void begin(Context ctx) {
    ctx.attribute(START, System.nanoTime());
  }

  public void end(Context ctx) {
    Long start = ctx.attribute(START);
    if (start == null) {
      return;
    }
    int status = ctx.statusCode();
    Timer.builder("http.server.requests")
        .description("HTTP requests served")
        .tag("method", ctx.method().name())
        .tag("uri", route(ctx, status))
        .tag("status", Integer.toString(status))
        .tag("outcome", outcome(status))
        .register(registry)
        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
  }

  private static String route(Context ctx, int status) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint != null) {
      return endpoint.path;
    }
    if (ctx.path().startsWith("/webjars/") || ctx.path().startsWith("/assets/")) {
      return "static";
    }
    return status == 404 ? "NOT_FOUND" : "UNKNOWN";
  }

  private static String outcome(int status) {
    if (status >= 500) {
      return "SERVER_ERROR";
    }
    if (status >= 400) {
      return "CLIENT_ERROR";
    }
    if (status >= 300) {
      return "REDIRECTION";
    }
    return "SUCCESS";
  }
}
