package dev.videotutorials.messagestore.consumer.wakeup;

import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.consumer.Handler;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A handler that remembers what it was given. */
final class HandledMessages implements Handler {

  private final List<Message> messages = new CopyOnWriteArrayList<>();
  private final Set<UUID> ids = ConcurrentHashMap.newKeySet();

  @Override
  public void handle(Message message) {
    messages.add(message);
    ids.add(message.id());
  }

  boolean contains(UUID id) {
    return ids.contains(id);
  }

  boolean containsAll(Set<UUID> expected) {
    return ids.containsAll(expected);
  }

  int count() {
    return messages.size();
  }

  List<Message> all() {
    return List.copyOf(messages);
  }
}
