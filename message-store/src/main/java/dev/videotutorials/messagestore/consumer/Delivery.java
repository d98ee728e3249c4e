package dev.videotutorials.messagestore.consumer;

import dev.videotutorials.messagestore.ExpectedVersionException;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.StreamName;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one message to its handler: applies the origin filter, keeps a stream with a parked
 * message parked (so its messages are handled in order once it is released), retries a failing
 * handler with back-off and parks the message when it still fails.
 */
final class Delivery {

  enum Outcome {
    HANDLED,
    /** Filtered out, no handler for its type, or already parked: nothing to do. */
    PASSED_OVER,
    PARKED,
    /** The consumer is stopping or lost its subscription: the message must be read again. */
    ABORTED
  }

  private static final Logger log = LoggerFactory.getLogger(Delivery.class);

  private final ConsumerSettings settings;
  private final ParkedLedger ledger;
  private final ConsumerMetrics metrics;
  private final ConsumerProgress progress;
  private final StopSignal stop;
  private final BooleanSupplier subscriptionHeld;

  Delivery(ConsumerSettings settings, ParkedLedger ledger, ConsumerMetrics metrics, ConsumerProgress progress,
      StopSignal stop, BooleanSupplier subscriptionHeld) {
    this.settings = settings;
    this.ledger = ledger;
    this.metrics = metrics;
    this.progress = progress;
    this.stop = stop;
    this.subscriptionHeld = subscriptionHeld;
  }

  Outcome deliver(Message message) {
    if (!passesOriginFilter(message)) {
      return Outcome.PASSED_OVER;
    }
    Handler handler = settings.handlers().forType(message.type());
    if (handler == null) {
      return Outcome.PASSED_OVER;
    }
    while (true) {
      ParkedLedger.View parked = ledger.view();
      if (!parked.isEmpty()) {
        if (parked.contains(message.id())) {
          return Outcome.PASSED_OVER;
        }
        ParkedMessage blocker = parked.blockerOf(message);
        if (blocker != null) {
          if (park(Parking.blockedBehind(message, settings.subscriberId(), blocker.messageId()), parked)) {
            return Outcome.PARKED;
          }
          continue;
        }
      }
      Attempts attempts = handleWithRetries(handler, message);
      if (attempts.result() == Result.HANDLED) {
        return Outcome.HANDLED;
      }
      if (attempts.result() == Result.STOPPED || !subscriptionHeld.getAsBoolean()) {
        return Outcome.ABORTED;
      }
      parkFailed(message, attempts);
      return Outcome.PARKED;
    }
  }

  private enum Result { HANDLED, STOPPED, FAILED }

  /** How handling went: handled, stopped while waiting to retry, or failed {@code count} times. */
  private record Attempts(Result result, Throwable lastError, int count) {
  }

  private static final Attempts HANDLED = new Attempts(Result.HANDLED, null, 0);
  private static final Attempts STOPPED = new Attempts(Result.STOPPED, null, 0);

  private Attempts handleWithRetries(Handler handler, Message message) {
    RetryPolicy policy = settings.retryPolicy();
    for (int attempt = 1; ; attempt++) {
      long start = System.nanoTime();
      try {
        handler.handle(message);
        metrics.handlerTime(System.nanoTime() - start);
        metrics.handled();
        return HANDLED;
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable error) {
        metrics.handlerTime(System.nanoTime() - start);
        if (error instanceof InterruptedException) {
          Thread.interrupted();
        }
        progress.failed("Handling " + message.type() + " " + message.id() + ": " + Parking.describe(error));
        if (attempt >= policy.maxAttempts()) {
          log.error("Consumer {} gives up on {} {} of {} (global position {}) after {} attempt(s); parking it",
              settings.subscriberId(), message.type(), message.id(), message.streamName(), message.globalPosition(),
              attempt, error);
          return new Attempts(Result.FAILED, error, attempt);
        }
        log.warn("Consumer {} failed to handle {} {} (attempt {} of {}); retrying: {}",
            settings.subscriberId(), message.type(), message.id(), attempt, policy.maxAttempts(),
            Parking.describe(error));
        metrics.retried();
        // A long back-off may outlast the subscription: never try again once another holds it.
        if (!stop.pause(policy.backoffAfter(attempt)) || !subscriptionHeld.getAsBoolean()) {
          return STOPPED;
        }
      }
    }
  }

  private void parkFailed(Message message, Attempts failed) {
    NewMessage record = Parking.failed(message, settings.subscriberId(), failed.lastError(), failed.count());
    while (true) {
      ParkedLedger.View parked = ledger.view();
      if (parked.contains(message.id()) || park(record, parked)) {
        return;
      }
    }
  }

  /** False when the parked stream changed since {@code seen}; the ledger is then up to date. */
  private boolean park(NewMessage record, ParkedLedger.View seen) {
    try {
      ledger.append(List.of(record), seen);
      metrics.parked();
      return true;
    } catch (ExpectedVersionException changedMeanwhile) {
      return false;
    }
  }

  private boolean passesOriginFilter(Message message) {
    String origin = settings.originCategory();
    return origin == null || origin.equals(StreamName.category(message.metadata().originStreamName()));
  }
}
