package dev.videotutorials.app.web.registerusers;

import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.StreamName;

/** Writes the {@code Register} command the identity component decides on. */
final class RegisterActions {

  private final MessageStore store;

  RegisterActions(MessageStore store) {
    this.store = store;
  }

  void register(String userId, String email, String passwordHash, String traceId) {
    JsonObject data = JsonObject.of("userId", userId, "email", email, "passwordHash", passwordHash);
    Metadata metadata = Metadata.empty().withTraceId(traceId).withUserId(userId);
    store.write(StreamName.of("identity:command", userId), NewMessage.of("Register", data, metadata));
  }
}
