package dev.videotutorials.messagestore.consumer;

import java.util.Map;

/** A consumer's handlers by message type, with an optional handler for every other type. */
record Handlers(Map<String, Handler> byType, Handler any) {

  Handlers {
    byType = Map.copyOf(byType);
  }

  /** The handler for {@code type}, or null when the consumer does not handle it. */
  Handler forType(String type) {
    Handler handler = byType.get(type);
    return handler == null ? any : handler;
  }
}
