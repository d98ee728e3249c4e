package dev.videotutorials.messagestore.consumer;

import dev.videotutorials.messagestore.CategoryRead;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.StreamName;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's work while it holds its subscription: resume after the recorded position, read
 * batches, deliver each message in global-position order, record the position now and then,
 * and wait for new messages when caught up. Before every batch, and between messages at least
 * every lock-check interval, it makes sure the subscription is still its own; the moment it is
 * not, it stops without recording anything.
 */
final class ActiveSubscription {

  private static final Logger log = LoggerFactory.getLogger(ActiveSubscription.class);
  private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(1);
  private static final String POSITION_STREAM_PREFIX = PositionStore.CATEGORY + "-";
  /**
   * Positions are recorded at most this often by message count: a consumer catching up at
   * 100,000 messages a second records every ~1,000 messages instead of every 100, and the
   * messages handled again after a crash still take no more than about this long.
   */
  static final long MIN_NANOS_BETWEEN_COUNTED_RECORDS = Duration.ofMillis(10).toNanos();

  private final MessageStore store;
  private final ConsumerSettings settings;
  private final SubscriptionLock lock;
  private final StopSignal stop;
  private final ConsumerProgress progress;
  private final PositionStore positions;
  private final ReaderHorizon horizon;
  private final Delivery delivery;
  private final long lockCheckNanos;
  private final long positionUpdateNanos;
  private final String name;

  private boolean lost;
  private long position;
  private long savedPosition;
  private int unsaved;
  private int unsavedWork;
  private long lastSaveNanos;
  private long lastLockCheckNanos;

  ActiveSubscription(MessageStore store, ConsumerSettings settings, SubscriptionLock lock, StopSignal stop,
      ConsumerProgress progress, PositionStore positions, ParkedLedger ledger, ConsumerMetrics metrics) {
    this.store = store;
    this.settings = settings;
    this.lock = lock;
    this.stop = stop;
    this.progress = progress;
    this.positions = positions;
    this.horizon = new ReaderHorizon(store.dataSource());
    this.delivery = new Delivery(settings, ledger, metrics, progress, stop, this::subscriptionHeld);
    this.lockCheckNanos = settings.lockCheckInterval().toNanos();
    this.positionUpdateNanos = settings.positionUpdateTime().toNanos();
    this.name = StreamName.id(positions.streamName());
  }

  /** Runs until asked to stop (true: position recorded) or the subscription is lost (false). */
  boolean run() {
    position = positions.load();
    savedPosition = position;
    progress.position(position);
    lastSaveNanos = System.nanoTime();
    log.info("Consumer {} active, resuming after global position {}", name, position);
    boolean lastReadFull = false;
    while (!stop.stopping()) {
      if (lost || !subscriptionHeld()) {
        return false;
      }
      long wakeUpVersion = settings.wakeUps().version(settings.category());
      List<Message> batch;
      Long horizonBeforeRead;
      try {
        horizonBeforeRead = settings.filteredOnServer() && !lastReadFull ? horizon.read() : null;
        batch = read(position + 1);
      } catch (RuntimeException e) {
        failed("Reading from global position " + (position + 1) + " failed", e);
        stop.pause(PAUSE_AFTER_FAILURE);
        continue;
      }
      try {
        if (!deliver(batch)) {
          return false;
        }
      } catch (RuntimeException e) {
        failed("Delivering a message failed (it will be read again)", e);
        progress.inHand(null);
        stop.pause(PAUSE_AFTER_FAILURE);
        continue;
      }
      lastReadFull = batch.size() >= settings.batchSize();
      if (!lastReadFull && horizonBeforeRead != null && horizonBeforeRead - 1 > position) {
        position = horizonBeforeRead - 1;
        progress.position(position);
      }
      if (!lastReadFull && unsaved >= settings.positionUpdateMessages()) {
        // Caught up: what the rate limit held back is recorded before waiting.
        savePosition();
      }
      savePositionIfDue();
      if (!lastReadFull) {
        stop.await(() -> settings.wakeUps().await(settings.category(), wakeUpVersion, settings.pollInterval()));
      }
    }
    if (position != savedPosition) {
      savePosition();
    }
    return true;
  }

  /** False when the subscription was lost in the middle of the batch. */
  private boolean deliver(List<Message> batch) {
    for (Message message : batch) {
      if (stop.stopping()) {
        break;
      }
      if (System.nanoTime() - lastLockCheckNanos >= lockCheckNanos && !subscriptionHeld()) {
        return false;
      }
      progress.inHand(message.time());
      if (delivery.deliver(message) == Delivery.Outcome.ABORTED) {
        break;
      }
      position = message.globalPosition();
      progress.position(position);
      unsaved++;
      if (!message.streamName().startsWith(POSITION_STREAM_PREFIX)) {
        unsavedWork++;
      }
      if (unsaved >= settings.positionUpdateMessages()
          && System.nanoTime() - lastSaveNanos >= MIN_NANOS_BETWEEN_COUNTED_RECORDS) {
        savePosition();
      }
    }
    progress.inHand(null);
    return true;
  }

  private List<Message> read(long from) {
    if (settings.category() == null) {
      return store.readAll(from, settings.batchSize());
    }
    CategoryRead read = CategoryRead.of(settings.category()).fromPosition(from).batchSize(settings.batchSize());
    if (settings.correlation() != null) {
      read = read.correlation(settings.correlation());
    }
    if (settings.groupMember() != null) {
      read = read.consumerGroup(settings.groupMember(), settings.groupSize());
    }
    return store.readCategory(read);
  }

  private boolean subscriptionHeld() {
    lastLockCheckNanos = System.nanoTime();
    if (!lost && lock.stillHeld()) {
      return true;
    }
    if (lost) {
      return false;
    }
    lost = true;
    progress.failed("Lost the subscription (its database session ended)");
    log.warn("Consumer {} lost its subscription; it stops handling and waits as a standby", name);
    return false;
  }

  /**
   * Records the position when time is up and there is something worth recording: messages read
   * since the last record other than position records (two consumers that read position
   * streams would otherwise keep recording because of each other's records), or a move past at
   * least a batch's worth of global positions that a filtered read skipped (so an idle
   * filtered consumer does not record a position every time).
   */
  private void savePositionIfDue() {
    boolean worthIt = unsavedWork > 0 || position - savedPosition >= settings.batchSize();
    if (worthIt && System.nanoTime() - lastSaveNanos >= positionUpdateNanos) {
      savePosition();
    }
  }

  private void savePosition() {
    try {
      positions.save(position);
      savedPosition = position;
      unsaved = 0;
      unsavedWork = 0;
    } catch (RuntimeException e) {
      failed("Recording position " + position + " failed (will try again)", e);
    }
    lastSaveNanos = System.nanoTime();
  }

  private void failed(String what, RuntimeException e) {
    progress.failed(what + ": " + Parking.describe(e));
    log.warn("Consumer {}: {}: {}", name, what, e.getMessage());
  }
}
