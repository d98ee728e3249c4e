package dev.videotutorials.app.components.testing;

import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.consumer.Consumer;
import dev.videotutorials.messagestore.consumer.PositionStore;
import java.util.ArrayList;
import java.util.List;

/** Starts consumers and stops them all on close. */
public final class RunningConsumers implements AutoCloseable {

  private final List<Consumer> consumers;

  private RunningConsumers(List<Consumer> consumers) {
    this.consumers = List.copyOf(consumers);
  }

  @SafeVarargs
  public static RunningConsumers start(List<Consumer>... groups) {
    List<Consumer> all = new ArrayList<>();
    for (List<Consumer> group : groups) {
      all.addAll(group);
    }
    all.forEach(Consumer::start);
    return new RunningConsumers(all);
  }

  public List<Consumer> consumers() {
    return consumers;
  }

  /** Records position 0 for every consumer, so that new ones with the same ids read everything again. */
  public void resetPositions(MessageStore store) {
    for (Consumer consumer : consumers) {
      new PositionStore(store, consumer.subscriberId()).save(0);
    }
  }

  @Override
  public void close() {
    consumers.forEach(Consumer::stop);
  }
}
