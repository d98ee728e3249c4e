package dev.videotutorials.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.app.testing.TestSystem;
import dev.videotutorials.app.testing.WebClient;
import dev.videotutorials.app.web.common.LoginThrottle;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.consumer.Consumer;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HealthAndMetricsTest {

  private static final ConsumerCatalog.Factory ONE_AGGREGATOR = (store, view, settings) -> new ConsumerCatalog() {
    @Override
    public List<Consumer> aggregators() {
      return List.of(Consumer.builder(store, "test:viewings").category("viewing").on("VideoViewed", message -> { }).build());
    }

    @Override
    public List<Consumer> components() {
      return List.of();
    }
  };

  private static TestSystem system;

  @BeforeAll
  static void start() throws InterruptedException {
    system = TestSystem.start(Map.of(), ONE_AGGREGATOR, LoginThrottle.Limits.DEFAULT);
    awaitConsumerHoldingItsSubscription();
  }

  /** A started consumer stands by until it has taken its subscription lock. */
  private static void awaitConsumerHoldingItsSubscription() throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!system.newClient().get("/health").body().contains("\"status\":\"running\"")) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The consumer never took its subscription");
      }
      Thread.sleep(50);
    }
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void healthIs200WithTheDatabasesAndConsumers() {
    WebClient.Response health = system.newClient().get("/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonObject body = JsonObject.parse(health.body());
    assertThat(body.string("status")).isEqualTo("healthy");
    assertThat(body.string("timestamp")).isNotBlank();
    assertThat(body.string("databases")).contains("\"messageStore\":{\"status\":\"up\"}").contains("\"viewDatabase\":{\"status\":\"up\"}");
    assertThat(body.string("consumers")).contains("\"subscriberId\":\"test:viewings\"").contains("\"status\":\"running\"");
  }

  @Test
  void metricsArePrometheusTextWithHttpJvmJettyAndConsumerMeters() {
    WebClient client = system.newClient();
    client.get("/");
    client.get("/no-such-page");

    WebClient.Response metrics = client.get("/metrics");

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(metrics.body())
        .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/\"}")
        .contains("uri=\"NOT_FOUND\"")
        .contains("jvm_memory_used_bytes")
        .contains("jetty_threads_current")
        .contains("jetty_connections_current")
        .containsPattern("consumer_position\\{[^}]*subscriber=\"test:viewings\"")
        .containsPattern("consumer_active\\{[^}]*subscriber=\"test:viewings\"[^}]*} 1")
        .containsPattern("consumer_lag_messages\\{[^}]*subscriber=\"test:viewings\"")
        .containsPattern("consumer_messages_handled_total\\{[^}]*subscriber=\"test:viewings\"");
  }

  @Test
  void healthIs503WhenADatabaseIsGone() throws Exception {
    try (TestSystem doomed = TestSystem.start(Map.of("ROLES", "web"), TestSystem.NO_CONSUMERS, LoginThrottle.Limits.DEFAULT)) {
      WebClient client = doomed.newClient();
      assertThat(client.get("/health").status()).isEqualTo(200);

      drop(doomed.viewDatabase());
      WebClient.Response health = client.get("/health");

      assertThat(health.status()).isEqualTo(503);
      JsonObject body = JsonObject.parse(health.body());
      assertThat(body.string("status")).isEqualTo("unhealthy");
      assertThat(body.string("databases")).contains("\"messageStore\":{\"status\":\"up\"}").contains("\"viewDatabase\":{\"status\":\"down\"");
    }
  }

  private static void drop(TestDatabase database) throws Exception {
    try (Connection admin = Databases.connect(TestDatabase.serverAdmin()); Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE " + database.connectionString().databaseName() + " WITH (FORCE)");
    }
  }
}
