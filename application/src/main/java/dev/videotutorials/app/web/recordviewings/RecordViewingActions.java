package dev.videotutorials.app.web.recordviewings;

import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.StreamName;

/** Writes {@code VideoViewed} to {@code viewing-{videoId}}. */
final class RecordViewingActions {

  private final MessageStore store;

  RecordViewingActions(MessageStore store) {
    this.store = store;
  }

  /** {@code metadata} carries the trace id and, when someone is logged in, the user id. */
  void recordViewing(String videoId, Metadata metadata) {
    JsonObject data = JsonObject.of("videoId", videoId).with("userId", metadata.userId());
    store.write(StreamName.of("viewing", videoId), NewMessage.of("VideoViewed", data, metadata));
  }
}
