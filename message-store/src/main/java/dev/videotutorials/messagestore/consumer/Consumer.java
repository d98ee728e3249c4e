package dev.videotutorials.messagestore.consumer;

import dev.videotutorials.messagestore.CategoryRead;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.StreamName;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a category (or all messages), hands each message to the handler of its type in
 * global-position order, and records its position in {@code subscriberPosition-{subscriberId}}.
 * Delivery is at-least-once: handlers must be idempotent.
 */
public final class Consumer {

  private static final Logger log = LoggerFactory.getLogger(Consumer.class);

  private final MessageStore store;
  private final String subscriberId;
  private final String category;
  private final Map<String, Handler> handlers;
  private final Handler anyHandler;
  private final String originCategory;
  private final String correlation;
  private final Long groupMember;
  private final Long groupSize;
  private final int batchSize;
  private final int positionUpdateInterval;
  private final Duration pollInterval;
  private final WakeUps wakeUps;
  private final PositionStore positions;

  private volatile boolean running;
  private volatile long position;
  private Thread thread;

  private Consumer(Builder builder) {
    this.store = builder.store;
    this.subscriberId = builder.subscriberId;
    this.category = builder.category;
    this.handlers = Map.copyOf(builder.handlers);
    this.anyHandler = builder.anyHandler;
    this.originCategory = builder.originCategory;
    this.correlation = builder.correlation;
    this.groupMember = builder.groupMember;
    this.groupSize = builder.groupSize;
    this.batchSize = builder.batchSize;
    this.positionUpdateInterval = builder.positionUpdateInterval;
    this.pollInterval = builder.pollInterval;
    this.wakeUps = builder.wakeUps;
    this.positions = new PositionStore(store, subscriberId);
  }

  public static Builder builder(MessageStore store, String subscriberId) {
    return new Builder(store, subscriberId);
  }

  public String subscriberId() {
    return subscriberId;
  }

  /** The category followed, or null when following all messages. */
  public String category() {
    return category;
  }

  /** The global position of the last message handled (or skipped by a filter). */
  public long position() {
    return position;
  }

  public boolean running() {
    return running;
  }

  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(this::run, "consumer-" + subscriberId);
    thread.setDaemon(true);
    thread.start();
  }

  /** Finishes the message in hand, records the position and returns. */
  public void stop() {
    Thread current;
    synchronized (this) {
      running = false;
      current = thread;
    }
    if (current != null) {
      current.interrupt();
      try {
        current.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    long saved = positions.load();
    position = saved;
    long unsaved = 0;
    while (running) {
      try {
        long seenWakeUps = wakeUps.version(category);
        List<Message> batch = read(position + 1);
        for (Message message : batch) {
          if (!running) {
            break;
          }
          if (accepts(message)) {
            dispatch(message);
          }
          position = message.globalPosition();
          unsaved++;
        }
        if (unsaved >= positionUpdateInterval) {
          positions.save(position);
          saved = position;
          unsaved = 0;
        }
        if (batch.size() < batchSize && running) {
          wakeUps.await(category, seenWakeUps, pollInterval);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        log.warn("Consumer {} failed to read; retrying: {}", subscriberId, e.getMessage());
        sleepQuietly(pollInterval.multipliedBy(10));
      }
    }
    if (position != saved) {
      positions.save(position);
    }
  }

  private List<Message> read(long from) {
    if (category == null) {
      return store.readAll(from, batchSize);
    }
    CategoryRead read = CategoryRead.of(category).fromPosition(from).batchSize(batchSize);
    if (correlation != null) {
      read = read.correlation(correlation);
    }
    if (groupMember != null) {
      read = read.consumerGroup(groupMember, groupSize);
    }
    return store.readCategory(read);
  }

  private boolean accepts(Message message) {
    if (originCategory == null) {
      return true;
    }
    return originCategory.equals(StreamName.category(message.metadata().originStreamName()));
  }

  private void dispatch(Message message) throws InterruptedException {
    Handler handler = handlers.getOrDefault(message.type(), anyHandler);
    if (handler == null) {
      return;
    }
    while (true) {
      try {
        handler.handle(message);
        return;
      } catch (Exception e) {
        log.error("Consumer {} failed to handle {} {} at global position {}; retrying",
            subscriberId, message.type(), message.id(), message.globalPosition(), e);
        Thread.sleep(1000);
      }
    }
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static final class Builder {
    private final MessageStore store;
    private final String subscriberId;
    private String category;
    private boolean allMessages;
    private final Map<String, Handler> handlers = new HashMap<>();
    private Handler anyHandler;
    private String originCategory;
    private String correlation;
    private Long groupMember;
    private Long groupSize;
    private int batchSize = 1000;
    private int positionUpdateInterval = 100;
    private Duration pollInterval = Duration.ofMillis(100);
    private WakeUps wakeUps = WakeUps.POLLING;

    private Builder(MessageStore store, String subscriberId) {
      this.store = Objects.requireNonNull(store);
      if (subscriberId == null || subscriberId.isBlank()) {
        throw new IllegalArgumentException("A consumer needs a subscriber id");
      }
      this.subscriberId = subscriberId;
    }

    public Builder category(String category) {
      if (!StreamName.isCategory(category)) {
        throw new IllegalArgumentException("Must be a category: " + category);
      }
      this.category = category;
      return this;
    }

    /** Follow every message of the store. */
    public Builder allMessages() {
      this.allMessages = true;
      return this;
    }

    public Builder on(String messageType, Handler handler) {
      if (handlers.putIfAbsent(messageType, Objects.requireNonNull(handler)) != null) {
        throw new IllegalArgumentException("Two handlers for " + messageType);
      }
      return this;
    }

    /** Handles messages of every type that has no handler of its own. */
    public Builder onAny(Handler handler) {
      this.anyHandler = Objects.requireNonNull(handler);
      return this;
    }

    /** Only messages whose metadata {@code originStreamName} is in this category. */
    public Builder originCategory(String category) {
      this.originCategory = category;
      return this;
    }

    /** Only messages whose metadata {@code correlationStreamName} is in this category. */
    public Builder correlation(String category) {
      this.correlation = category;
      return this;
    }

    public Builder consumerGroup(long member, long size) {
      this.groupMember = member;
      this.groupSize = size;
      return this;
    }

    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    public Builder positionUpdateInterval(int messages) {
      this.positionUpdateInterval = messages;
      return this;
    }

    public Builder pollInterval(Duration interval) {
      this.pollInterval = interval;
      return this;
    }

    /** Wakes the consumer when new messages may be there; it still polls every pollInterval. */
    public Builder wakeUps(WakeUps wakeUps) {
      this.wakeUps = Objects.requireNonNull(wakeUps);
      return this;
    }

    public Consumer build() {
      if ((category == null) == !allMessages) {
        throw new IllegalStateException("A consumer follows either one category or all messages");
      }
      if (handlers.isEmpty() && anyHandler == null) {
        throw new IllegalStateException("A consumer needs at least one handler");
      }
      return new Consumer(this);
    }
  }
}
