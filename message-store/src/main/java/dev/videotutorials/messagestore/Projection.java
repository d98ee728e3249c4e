package dev.videotutorials.messagestore;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Folds the messages of a stream into an entity. Messages of types without an event handler
 * leave the entity as it is.
 */
public final class Projection<T> {

  private final Supplier<T> initial;
  private final Map<String, BiFunction<T, Message, T>> handlers;

  private Projection(Supplier<T> initial, Map<String, BiFunction<T, Message, T>> handlers) {
    this.initial = initial;
    this.handlers = Map.copyOf(handlers);
  }

  public static <T> Builder<T> startingWith(Supplier<T> initial) {
    return new Builder<>(Objects.requireNonNull(initial));
  }

  public T initial() {
    return initial.get();
  }

  public T apply(T entity, Message message) {
    BiFunction<T, Message, T> handler = handlers.get(message.type());
    return handler == null ? entity : handler.apply(entity, message);
  }

  public static final class Builder<T> {
    private final Supplier<T> initial;
    private final Map<String, BiFunction<T, Message, T>> handlers = new HashMap<>();

    private Builder(Supplier<T> initial) {
      this.initial = initial;
    }

    public Builder<T> on(String messageType, BiFunction<T, Message, T> handler) {
      if (handlers.putIfAbsent(messageType, Objects.requireNonNull(handler)) != null) {
        throw new IllegalArgumentException("Two handlers for " + messageType);
      }
      return this;
    }

    public Projection<T> build() {
      return new Projection<>(initial, handlers);
    }
  }
}
