package dev.videotutorials.messagestore;

/**
 * An entity folded from its stream and the stream version it reflects (-1: no messages), to be
 * used as the expected version of the next write.
 */
public record Entity<T>(T value, long version) {

  public static final long NO_STREAM = -1;

  public boolean exists() {
    return version != NO_STREAM;
  }
}
