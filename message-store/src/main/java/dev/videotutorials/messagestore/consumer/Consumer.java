package dev.videotutorials.messagestore.consumer;

import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.StreamName;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a category (or all messages), hands each message to the handler of its type in
 * global-position order, and records its position in {@code subscriberPosition-{subscriberId}}
 * (a consumer-group member in {@code subscriberPosition-{subscriberId}+{member}}). Delivery is
 * at-least-once: handlers must be idempotent.
 *
 * <p>Only one process at a time consumes a subscriber (or group member): the one holding its
 * subscription lock. Others started with the same subscriber id wait as standbys and take over
 * within seconds when the active one stops, dies or loses its database session. A handler that
 * keeps failing is retried with back-off and its message parked (see {@link ParkedMessages});
 * the consumer goes on. See the module README, section "Consumers", for the guarantees.
 */
public final class Consumer {

  private static final Logger log = LoggerFactory.getLogger(Consumer.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final MessageStore store;
  private final ConsumerSettings settings;
  private final ConsumerProgress progress = new ConsumerProgress();
  private final ParkedLedger ledger;
  private final PositionStore positions;

  private Thread thread;
  private StopSignal stop;
  private ConsumerMetrics metrics;

  private Consumer(MessageStore store, ConsumerSettings settings) {
    this.store = store;
    this.settings = settings;
    this.ledger = new ParkedLedger(store, settings.subscriberId());
    this.positions = new PositionStore(store, settings.subscriberId(), settings.groupMember());
  }

  public static Builder builder(MessageStore store, String subscriberId) {
    return new Builder(store, subscriberId);
  }

  public String subscriberId() {
    return settings.subscriberId();
  }

  /** The category followed, or null when following all messages. */
  public String category() {
    return settings.category();
  }

  /** The member within its consumer group, null when not in a group. */
  public Long consumerGroupMember() {
    return settings.groupMember();
  }

  /** The stream this consumer records its position in. */
  public String positionStreamName() {
    return positions.streamName();
  }

  /** The global position of the last message handled (or passed over). */
  public long position() {
    return progress.position();
  }

  /** True between {@link #start} and {@link #stop}, whether active or standby. */
  public synchronized boolean running() {
    return thread != null && thread.isAlive() && !stop.stopping();
  }

  public ConsumerState state() {
    return progress.state();
  }

  public ConsumerStatus status() {
    return new ConsumerStatus(
        settings.subscriberId(),
        settings.groupMember(),
        progress.state(),
        progress.position(),
        progress.lagMessages(),
        progress.lagSeconds(Instant.now()),
        ledger.view().byId().size(),
        progress.lastError(),
        progress.lastErrorAt());
  }

  /** This subscriber's parked messages, retried with this consumer's handlers. */
  public ParkedMessages parkedMessages() {
    return new ParkedMessages(store, settings.subscriberId(), settings.handlers(), ledger);
  }

  /** Starts consuming (or waiting as a standby) on a thread of its own; returns at once. */
  public synchronized void start() {
    if (thread != null && thread.isAlive()) {
      return;
    }
    StopSignal signal = new StopSignal();
    stop = signal;
    metrics = new ConsumerMetrics(settings.meterRegistry(), settings, progress, ledger);
    ConsumerMetrics meters = metrics;
    progress.state(ConsumerState.STANDBY);
    thread = new Thread(() -> run(signal, meters), "consumer-" + name());
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Finishes the message in hand, records the position, releases the subscription and returns
   * (waiting at most 30 seconds for a handler to finish).
   */
  public void stop() {
    Thread current;
    StopSignal signal;
    synchronized (this) {
      current = thread;
      signal = stop;
    }
    if (current == null) {
      return;
    }
    signal.stop();
    if (current == Thread.currentThread()) {
      return; // stop() called from a handler: the loop ends after it returns
    }
    try {
      current.join(STOP_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (current.isAlive()) {
      log.warn("Consumer {} did not stop within {}; its handler is still running", name(), STOP_TIMEOUT);
    }
  }

  /** The subscriber id, with the member of a consumer group: {@code subscriberId+member}. */
  private String name() {
    return StreamName.id(positions.streamName());
  }

  private void run(StopSignal signal, ConsumerMetrics meters) {
    SubscriptionLock lock = new SubscriptionLock(settings.lockConnections(), positions.streamName());
    try {
      while (acquire(lock, signal)) {
        progress.state(ConsumerState.ACTIVE);
        boolean stopped = false;
        ScheduledFuture<?> housekeeping = Housekeeping.every(settings.lagProbeInterval(), housekeeping());
        try {
          ledger.refresh();
          stopped = new ActiveSubscription(store, settings, lock, signal, progress, positions, ledger, meters).run();
        } catch (RuntimeException e) {
          progress.failed("Consumer failed: " + Parking.describe(e));
          log.error("Consumer {} failed; it will take its subscription again", name(), e);
        } finally {
          housekeeping.cancel(false);
          lock.close();
          progress.state(ConsumerState.STANDBY);
        }
        if (stopped) {
          break;
        }
        // Lost (or failed): let a standby that was waiting take over rather than race it for the lock.
        signal.pause(settings.standbyRetryInterval().multipliedBy(2));
      }
    } catch (Throwable fatal) {
      progress.failed("Consumer died: " + Parking.describe(fatal));
      log.error("Consumer {} died", name(), fatal);
      throw fatal;
    } finally {
      lock.close();
      progress.state(ConsumerState.STOPPED);
      meters.close();
      log.info("Consumer {} stopped at global position {}", name(), progress.position());
    }
  }

  /**
   * Takes the subscription, waiting as a standby while another session holds it. Returns false
   * when asked to stop first.
   */
  private boolean acquire(SubscriptionLock lock, StopSignal signal) {
    boolean announced = false;
    while (!signal.stopping()) {
      try {
        if (lock.tryAcquire()) {
          // Give a previous holder that lost its session time to notice before we read.
          if (signal.pause(settings.takeoverDelay())) {
            return true;
          }
          return false;
        }
        if (!announced) {
          log.info("Consumer {} is standby: another process holds its subscription", name());
          announced = true;
        }
      } catch (SQLException e) {
        progress.failed("Cannot take the subscription: " + Parking.describe(e));
        log.warn("Consumer {} cannot reach the database to take its subscription: {}", name(), e.getMessage());
      }
      signal.pause(settings.standbyRetryInterval());
    }
    return false;
  }

  private Runnable housekeeping() {
    LagProbe probe = new LagProbe(store.dataSource(), settings, progress);
    return () -> {
      try {
        probe.measure();
        ledger.refresh();
      } catch (SQLException | RuntimeException e) {
        log.debug("Housekeeping of {} failed: {}", name(), e.getMessage());
      }
    };
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
    private int batchSize = MessageStore.DEFAULT_BATCH_SIZE;
    private int positionUpdateMessages = 100;
    private Duration positionUpdateTime = Duration.ofSeconds(1);
    private Duration pollInterval = Duration.ofMillis(100);
    private WakeUps wakeUps;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private MeterRegistry meterRegistry = Metrics.globalRegistry;
    private LockConnections lockConnections;
    private Duration standbyRetryInterval = Duration.ofSeconds(1);
    private Duration lockCheckInterval = Duration.ofMillis(100);
    private Duration lagProbeInterval = Duration.ofSeconds(5);

    private Builder(MessageStore store, String subscriberId) {
      this.store = Objects.requireNonNull(store);
      this.wakeUps = store.wakeUps();
      if (subscriberId == null || subscriberId.isBlank()) {
        throw new IllegalArgumentException("A consumer needs a subscriber id");
      }
      this.subscriberId = subscriberId;
    }

    public Builder category(String category) {
      if (category == null || !StreamName.isCategory(category)) {
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
      if (category != null && !StreamName.isCategory(category)) {
        throw new IllegalArgumentException("Correlation must be a category: " + category);
      }
      this.correlation = category;
      return this;
    }

    /**
     * Makes this consumer member {@code member} (0 to size - 1) of a group of {@code size}: it
     * gets the streams whose cardinal id hashes to it, and keeps its own position.
     */
    public Builder consumerGroup(long member, long size) {
      if (size < 1 || member < 0 || member >= size) {
        throw new IllegalArgumentException("Consumer group member must be 0 to size - 1: member " + member
            + ", size " + size);
      }
      this.groupMember = member;
      this.groupSize = size;
      return this;
    }

    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("Batch size must be at least 1: " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /** Record the position after this many messages (default 100, as the original). */
    public Builder positionUpdateInterval(int messages) {
      if (messages < 1) {
        throw new IllegalArgumentException("Position update interval must be at least 1: " + messages);
      }
      this.positionUpdateMessages = messages;
      return this;
    }

    /** Also record the position when this much time passed since the last record (default 1 s). */
    public Builder positionUpdateInterval(Duration interval) {
      this.positionUpdateTime = positive(interval, "Position update interval");
      return this;
    }

    /** The longest wait for new messages when caught up (default 100 ms). */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = positive(interval, "Poll interval");
      return this;
    }

    /** Notifications that cut the wait for new messages short (default: none, polling). */
    public Builder wakeUps(WakeUps wakeUps) {
      this.wakeUps = Objects.requireNonNull(wakeUps);
      return this;
    }

    /** How a failing handler is retried before its message is parked. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy);
      return this;
    }

    /** Where the consumer's meters go (default: Micrometer's global registry). */
    public Builder meterRegistry(MeterRegistry registry) {
      this.meterRegistry = Objects.requireNonNull(registry);
      return this;
    }

    /**
     * Where the dedicated connection holding the subscription comes from (default: a connection
     * like the store's pool's, outside the pool).
     */
    public Builder lockConnections(LockConnections connections) {
      this.lockConnections = Objects.requireNonNull(connections);
      return this;
    }

    /** How often a standby tries to take the subscription (default 1 s). */
    public Builder standbyRetryInterval(Duration interval) {
      this.standbyRetryInterval = positive(interval, "Standby retry interval");
      return this;
    }

    /**
     * How often, at most, an active consumer makes sure it still holds its subscription between
     * messages (default 100 ms; it also does before every read). A consumer taking over waits
     * three times this long before it reads.
     */
    public Builder lockCheckInterval(Duration interval) {
      this.lockCheckInterval = positive(interval, "Lock check interval");
      return this;
    }

    /** How often lag and the parked count are measured (default 5 s). */
    public Builder lagProbeInterval(Duration interval) {
      this.lagProbeInterval = positive(interval, "Lag probe interval");
      return this;
    }

    public Consumer build() {
      if ((category == null) == !allMessages) {
        throw new IllegalStateException("A consumer follows either one category or all messages");
      }
      if (allMessages && (correlation != null || groupMember != null)) {
        throw new IllegalStateException("Correlation and consumer groups apply to a category only");
      }
      if (handlers.isEmpty() && anyHandler == null) {
        throw new IllegalStateException("A consumer needs at least one handler");
      }
      ConsumerSettings settings = new ConsumerSettings(subscriberId, category, new Handlers(handlers, anyHandler),
          originCategory, correlation, groupMember, groupSize, batchSize, positionUpdateMessages, positionUpdateTime,
          pollInterval, wakeUps, retryPolicy, meterRegistry,
          lockConnections == null ? LockConnections.like(store.dataSource()) : lockConnections,
          standbyRetryInterval, lockCheckInterval, lagProbeInterval);
      return new Consumer(store, settings);
    }

    private static Duration positive(Duration duration, String what) {
      if (duration == null || duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(what + " must be positive: " + duration);
      }
      return duration;
    }
  }
}
