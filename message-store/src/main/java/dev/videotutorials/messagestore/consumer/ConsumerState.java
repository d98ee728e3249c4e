package dev.videotutorials.messagestore.consumer;

/** Where a consumer is in its life. */
public enum ConsumerState {
  /** Holds its subscription and handles messages. */
  ACTIVE,
  /** Started, but another process holds the subscription (or the database is unreachable). */
  STANDBY,
  /** Not started, or stopped. */
  STOPPED
}
