package dev.videotutorials.messagestore.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * A consumer's meters, tagged {@code subscriber} (and {@code member}: the consumer-group member,
 * or {@code none}). Registered when the consumer starts, removed when it stops.
 */
final class ConsumerMetrics {

  private final MeterRegistry registry;
  private final List<Meter> meters = new ArrayList<>();
  private final Counter handled;
  private final Counter retries;
  private final Counter parked;
  private final Timer handlerTime;

  ConsumerMetrics(MeterRegistry registry, ConsumerSettings settings, ConsumerProgress progress,
      ParkedLedger ledger) {
    this.registry = registry;
    Tags tags = Tags.of("subscriber", settings.subscriberId(),
        "member", settings.groupMember() == null ? "none" : String.valueOf(settings.groupMember()));
    handled = add(Counter.builder("consumer.messages.handled")
        .description("Messages handled successfully").tags(tags).register(registry));
    retries = add(Counter.builder("consumer.handler.retries")
        .description("Handler attempts after a failure").tags(tags).register(registry));
    parked = add(Counter.builder("consumer.messages.parked")
        .description("Messages this consumer parked").tags(tags).register(registry));
    handlerTime = add(Timer.builder("consumer.handler.time")
        .description("Time spent in handlers, per attempt").tags(tags).register(registry));
    gauge("consumer.position", "Global position of the last message handled or passed over", tags,
        progress, ConsumerProgress::position);
    gauge("consumer.lag.messages", "Messages not yet handled (counted up to " + LagProbe.COUNT_LIMIT + ")", tags,
        progress, p -> orNaN(p.lagMessages()));
    gauge("consumer.lag.seconds", "Age of the oldest message not yet handled", tags,
        progress, p -> orNaN(p.lagSeconds(Instant.now())));
    gauge("consumer.active", "1 while this consumer holds its subscription", tags,
        progress, p -> p.state() == ConsumerState.ACTIVE ? 1 : 0);
    gauge("consumer.parked", "Messages of this subscriber parked now", tags,
        ledger, l -> l.view().byId().size());
  }

  void handled() {
    handled.increment();
  }

  void retried() {
    retries.increment();
  }

  void parked() {
    parked.increment();
  }

  void handlerTime(long nanos) {
    handlerTime.record(nanos, TimeUnit.NANOSECONDS);
  }

  void close() {
    meters.forEach(registry::remove);
    meters.clear();
  }

  /** Unknown values (negative) are reported as NaN, Micrometer's "no value". */
  private static double orNaN(double value) {
    return value < 0 ? Double.NaN : value;
  }

  private <T extends Meter> T add(T meter) {
    meters.add(meter);
    return meter;
  }

  private <T> void gauge(String name, String description, Tags tags, T state, ToDoubleFunction<T> value) {
    add(Gauge.builder(name, state, value).description(description).tags(tags).strongReference(true).register(registry));
  }
}
