package dev.videotutorials.messagestore.consumer.wakeup;

import java.time.Duration;
import java.util.Objects;

/**
 * How the wake-up channel behaves.
 *
 * @param listenerApplicationName the listener connection's {@code application_name}
 * @param notifierApplicationName the notifier connection's {@code application_name}
 * @param fallbackPollInterval how long a consumer waits at most while notifications are
 *     unavailable (the listener is not connected), whatever its own poll interval
 * @param keepAliveInterval how often an idle listener connection is checked, so that a
 *     silently dead connection is found within seconds
 * @param maxReconnectDelay the longest pause between two reconnection attempts
 * @param heldBackWindow how long a category stays "recently notified": see
 *     {@link CategoryVersions}
 * @param notifyPacing how closely a notifier's NOTIFY rounds may follow each other
 */
public record WakeUpSettings(
    String listenerApplicationName,
    String notifierApplicationName,
    Duration fallbackPollInterval,
    Duration keepAliveInterval,
    Duration maxReconnectDelay,
    Duration heldBackWindow,
    NotifyPacing notifyPacing) {

  public static final WakeUpSettings DEFAULTS = new WakeUpSettings(
      "message-store-listener",
      "message-store-notifier",
      Duration.ofMillis(100),
      Duration.ofSeconds(2),
      Duration.ofSeconds(2),
      Duration.ofSeconds(1),
      NotifyPacing.DEFAULT);

  public WakeUpSettings {
    Objects.requireNonNull(listenerApplicationName, "listenerApplicationName");
    Objects.requireNonNull(notifierApplicationName, "notifierApplicationName");
    requirePositive(fallbackPollInterval, "fallbackPollInterval");
    requirePositive(keepAliveInterval, "keepAliveInterval");
    requirePositive(maxReconnectDelay, "maxReconnectDelay");
    requireNotNegative(heldBackWindow, "heldBackWindow");
    Objects.requireNonNull(notifyPacing, "notifyPacing");
  }

  public WakeUpSettings withApplicationNames(String listener, String notifier) {
    return new WakeUpSettings(listener, notifier, fallbackPollInterval, keepAliveInterval, maxReconnectDelay,
        heldBackWindow, notifyPacing);
  }

  public WakeUpSettings withFallbackPollInterval(Duration interval) {
    return new WakeUpSettings(listenerApplicationName, notifierApplicationName, interval, keepAliveInterval,
        maxReconnectDelay, heldBackWindow, notifyPacing);
  }

  public WakeUpSettings withKeepAliveInterval(Duration interval) {
    return new WakeUpSettings(listenerApplicationName, notifierApplicationName, fallbackPollInterval, interval,
        maxReconnectDelay, heldBackWindow, notifyPacing);
  }

  public WakeUpSettings withMaxReconnectDelay(Duration delay) {
    return new WakeUpSettings(listenerApplicationName, notifierApplicationName, fallbackPollInterval,
        keepAliveInterval, delay, heldBackWindow, notifyPacing);
  }

  public WakeUpSettings withHeldBackWindow(Duration window) {
    return new WakeUpSettings(listenerApplicationName, notifierApplicationName, fallbackPollInterval,
        keepAliveInterval, maxReconnectDelay, window, notifyPacing);
  }

  public WakeUpSettings withNotifyPacing(NotifyPacing pacing) {
    return new WakeUpSettings(listenerApplicationName, notifierApplicationName, fallbackPollInterval,
        keepAliveInterval, maxReconnectDelay, heldBackWindow, pacing);
  }

  private static void requireNotNegative(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
