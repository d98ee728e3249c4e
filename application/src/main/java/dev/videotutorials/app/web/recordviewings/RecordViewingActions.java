package dev.videotutorials.app.web.recordviewings;

import dev.videotutorials.app.web.common.GroupedWrites;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.StreamName;

/**
 * Writes {@code VideoViewed} to {@code viewing-{videoId}}. Every viewing of one video goes to
 * one stream, so concurrent viewings are committed in groups.
 */
final class RecordViewingActions {

  private final GroupedWrites writes;

  RecordViewingActions(MessageStore store) {
    this.writes = new GroupedWrites(store);
  }

  /** {@code metadata} carries the trace id and, when someone is logged in, the user id. */
  void recordViewing(String videoId, Metadata metadata) {
    JsonObject data = JsonObject.of("videoId", videoId).with("userId", metadata.userId());
    writes.write(StreamName.of("viewing", videoId), NewMessage.of("VideoViewed", data, metadata));
  }
}
