package dev.videotutorials.messagestore.consumer.wakeup;

import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.consumer.WakeUps;

/**
 * Millisecond wake-ups for the consumers of one process, in one call: a {@link CommitNotifier}
 * that announces this process's writes and a {@link NotificationListener} that hears every
 * process's announcements.
 *
 * <pre>{@code
 * WakeUpChannel channel = WakeUpChannel.start(connectionString);
 * MessageStore store = channel.notifying(new MessageStore(pool));
 * Consumer.builder(store, "subscriber").category("account") ... // wakes up on the channel
 * }</pre>
 *
 * <p>Writers that do not notify (plain SQL, other implementations) can announce a commit
 * themselves, after it, with {@code SELECT pg_notify('message_store', 'category')}; an empty
 * payload wakes every consumer. Unannounced writes are found at the consumers' next poll.
 */
public final class WakeUpChannel implements AutoCloseable {

  /** The PostgreSQL notification channel; the payload is the category written to. */
  public static final String CHANNEL = "message_store";

  private final CommitNotifier notifier;
  private final NotificationListener listener;

  private WakeUpChannel(CommitNotifier notifier, NotificationListener listener) {
    this.notifier = notifier;
    this.listener = listener;
  }

  public static WakeUpChannel start(ConnectionString connectionString) {
    return start(connectionString, WakeUpSettings.DEFAULTS);
  }

  public static WakeUpChannel start(ConnectionString connectionString, WakeUpSettings settings) {
    NotificationListener listener = NotificationListener.start(connectionString, settings);
    CommitNotifier notifier = CommitNotifier.start(connectionString, settings);
    return new WakeUpChannel(notifier, listener);
  }

  /**
   * The same store, announcing each of its committed writes; consumers built on it wait on
   * this channel's wake-ups.
   */
  public MessageStore notifying(MessageStore store) {
    return store.withWriteListener(notifier).withWakeUps(listener);
  }

  /** What consumers wait on. */
  public WakeUps wakeUps() {
    return listener;
  }

  public CommitNotifier notifier() {
    return notifier;
  }

  public NotificationListener listener() {
    return listener;
  }

  @Override
  public void close() {
    notifier.close();
    listener.close();
  }
}
