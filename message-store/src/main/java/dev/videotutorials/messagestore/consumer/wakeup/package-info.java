/**
 * Millisecond wake-ups for consumers, across processes, without NOTIFY in write transactions.
 *
 * <p>Every process that writes announces its commits with a {@link
 * dev.videotutorials.messagestore.consumer.wakeup.CommitNotifier} (a {@code WriteListener} of its
 * {@code MessageStore}): after a write has committed, a background thread sends
 * {@code pg_notify('message_store', category)} on its own connection, one per category written
 * to since its last NOTIFY. Every process that consumes runs one {@link
 * dev.videotutorials.messagestore.consumer.wakeup.NotificationListener}, a dedicated LISTEN
 * connection that wakes the consumers of the notified category. {@link
 * dev.videotutorials.messagestore.consumer.wakeup.WakeUpChannel} starts both.
 *
 * <p>Nothing depends on a notification arriving: consumers still poll, so give them a poll
 * interval of about a second when wake-ups are on. A lost LISTEN connection is re-established
 * with back-off and then every consumer re-reads; while it is down, consumers poll at the
 * fallback interval (100 ms by default). Writes that nobody announces (plain SQL, the original
 * Node system) are found at the next poll.
 */
package dev.videotutorials.messagestore.consumer.wakeup;
