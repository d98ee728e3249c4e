package dev.videotutorials.app.system;

import dev.videotutorials.messagestore.consumer.Consumer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The consumers this process started, in start order; stopped in reverse order. Each consumer
 * registers its own meters (handled, handler time, retries, parked, position, lag, active).
 */
final class RunningConsumers implements AutoCloseable {

  private final List<Consumer> consumers = new ArrayList<>();

  synchronized void start(List<Consumer> batch) {
    for (Consumer consumer : batch) {
      consumer.start();
      consumers.add(consumer);
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
    consumers.clear();
  }
}
