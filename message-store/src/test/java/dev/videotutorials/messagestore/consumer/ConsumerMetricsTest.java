package dev.videotutorials.messagestore.consumer;

import static dev.videotutorials.messagestore.consumer.StoreFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.testing.TestDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConsumerMetricsTest {

  private static TestDatabase database;
  private static MessageStore store;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.withMessageStore();
    store = new MessageStore(database.dataSource());
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @Test
  void metersAndStatusFollowTheConsumer() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    CountDownLatch gate = new CountDownLatch(1);
    Consumer consumer = Consumer.builder(store, "metered-test")
        .category("metered")
        .on("Good", message -> gate.await(60, TimeUnit.SECONDS))
        .on("Bad", message -> {
          throw new IllegalArgumentException("never");
        })
        .retryPolicy(RetryPolicy.attempts(3).withBackoff(Duration.ofMillis(1), Duration.ofMillis(1)))
        .lagProbeInterval(Duration.ofMillis(50))
        .meterRegistry(registry)
        .build();
    long bad = write(store, "metered-0", "Bad");
    long last = 0;
    for (int i = 1; i <= 20; i++) {
      last = write(store, "metered-" + i, "Good");
    }
    long lastPosition = last;
    assertThat(consumer.status().state()).isEqualTo(ConsumerState.STOPPED);

    consumer.start();

    Eventually.until("the lag measured while a handler is stuck", () -> gauge(registry, "consumer.lag.messages"),
        lag -> lag == 20);
    assertThat(gauge(registry, "consumer.lag.seconds")).isPositive();
    assertThat(gauge(registry, "consumer.active")).isEqualTo(1);
    assertThat(gauge(registry, "consumer.parked")).isEqualTo(1);
    assertThat(gauge(registry, "consumer.position")).isEqualTo(bad);
    assertThat(registry.get("consumer.messages.parked").counter().count()).isEqualTo(1);
    assertThat(registry.get("consumer.handler.retries").counter().count()).isEqualTo(2);
    ConsumerStatus stuck = consumer.status();
    assertThat(stuck.active()).isTrue();
    assertThat(stuck.lagMessages()).isEqualTo(20);
    assertThat(stuck.lagSeconds()).isPositive();
    assertThat(stuck.parkedMessages()).isEqualTo(1);
    assertThat(stuck.lastError()).contains("IllegalArgumentException: never");

    gate.countDown();

    Eventually.until("all handled", () -> registry.get("consumer.messages.handled").counter().count(), n -> n == 20);
    Eventually.until("the lag measured again", () -> gauge(registry, "consumer.lag.messages"), lag -> lag == 0);
    assertThat(gauge(registry, "consumer.lag.seconds")).isZero();
    assertThat(gauge(registry, "consumer.position")).isEqualTo(lastPosition);
    assertThat(registry.get("consumer.handler.time").tag("subscriber", "metered-test").timer().count()).isEqualTo(23);
    assertThat(consumer.status()).extracting(ConsumerStatus::subscriberId, ConsumerStatus::position,
        ConsumerStatus::lagMessages).containsExactly("metered-test", lastPosition, 0L);

    consumer.stop();

    assertThat(consumer.status().state()).isEqualTo(ConsumerState.STOPPED);
    assertThat(registry.find("consumer.position").gauge()).as("meters removed on stop").isNull();
  }

  private static double gauge(SimpleMeterRegistry registry, String name) {
    Gauge gauge = registry.get(name).tags("subscriber", "metered-test", "member", "none").gauge();
    return gauge.value();
  }
}
