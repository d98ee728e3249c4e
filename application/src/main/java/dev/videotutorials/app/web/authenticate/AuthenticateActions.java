package dev.videotutorials.app.web.authenticate;

import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.StreamName;

/** Writes the outcome of a log-in to the user's {@code authentication-{userId}} stream. */
final class AuthenticateActions {

  private final MessageStore store;

  AuthenticateActions(MessageStore store) {
    this.store = store;
  }

  void loggedIn(String userId, String traceId) {
    Metadata metadata = Metadata.empty().withTraceId(traceId).withUserId(userId);
    store.write(StreamName.of("authentication", userId),
        NewMessage.of("UserLoggedIn", JsonObject.of("userId", userId), metadata));
  }

  /** Nobody is logged in when a log-in fails: the metadata says {@code userId: null}, as the original's did. */
  void loginFailed(String userId, String traceId) {
    Metadata metadata = Metadata.empty().withTraceId(traceId).withExplicitNull(Metadata.USER_ID);
    store.write(StreamName.of("authentication", userId),
        NewMessage.of("UserLoginFailed", JsonObject.of("userId", userId, "reason", "Incorrect password"), metadata));
  }
}
