package dev.videotutorials.app.components.testing;

import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.NewMessage;
import java.util.List;
import java.util.UUID;

/** Writes messages for tests and reads them back as stored (with positions). */
public final class Messages {

  private Messages() {
  }

  public static Message write(MessageStore store, String stream, String type, JsonObject data, Metadata metadata) {
    NewMessage message = NewMessage.of(type, data, metadata);
    store.write(stream, message);
    return byId(store, stream, message.id());
  }

  public static Message byId(MessageStore store, String stream, UUID id) {
    return store.readStream(stream).stream()
        .filter(message -> message.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No message " + id + " in " + stream));
  }

  public static List<Message> ofType(MessageStore store, String stream, String type) {
    return store.readStream(stream).stream().filter(message -> message.type().equals(type)).toList();
  }

  public static Metadata traced(String userId) {
    return Metadata.empty().withTraceId(UUID.randomUUID().toString()).withUserId(userId);
  }

  public static String newId() {
    return UUID.randomUUID().toString();
  }
}
