package dev.videotutorials.messagestore;

/**
 * Told about each stream the client has written to, after the write committed (used to wake
 * consumers up without a NOTIFY inside the write transaction).
 */
@FunctionalInterface
public interface WriteListener {

  WriteListener NONE = streamName -> { };

  void written(String streamName);
}
