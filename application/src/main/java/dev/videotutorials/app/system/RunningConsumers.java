package dev.videotutorials.app.system;

import dev.videotutorials.messagestore.consumer.Consumer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The consumers this process started, in start order; stopped in reverse order. */
final class RunningConsumers implements AutoCloseable {

  private final MeterRegistry registry;
  private final List<Consumer> consumers = new ArrayList<>();
  private final List<Meter> meters = new ArrayList<>();

  RunningConsumers(MeterRegistry registry) {
    this.registry = registry;
  }

  synchronized void start(List<Consumer> batch) {
    for (Consumer consumer : batch) {
      consumer.start();
      consumers.add(consumer);
      meters.add(Gauge.builder("videotutorials.consumer.position", consumer, Consumer::position)
          .description("Global position of the last message the consumer handled")
          .tag("subscriber_id", consumer.subscriberId())
          .register(registry));
      meters.add(Gauge.builder("videotutorials.consumer.running", consumer, c -> c.running() ? 1 : 0)
          .description("1 while the consumer runs")
          .tag("subscriber_id", consumer.subscriberId())
          .register(registry));
    }
  }

  synchronized List<Consumer> list() {
    return List.copyOf(consumers);
  }

  @Override
  public synchronized void close() {
    List<Consumer> reversed = new ArrayList<>(consumers);
    Collections.reverse(reversed);
    for (Consumer consumer : reversed) {
      consumer.stop();
    }
    meters.forEach(registry::remove);
    meters.clear();
    consumers.clear();
  }
}
