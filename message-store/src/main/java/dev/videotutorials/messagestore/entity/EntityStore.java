package dev.videotutorials.messagestore.entity;

import dev.videotutorials.messagestore.Entity;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.Projection;
import dev.videotutorials.messagestore.StreamName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Fetches entities by folding their streams with a projection, keeping the most recently used
 * ones in a bounded cache. A cached entity is never stale: streams only grow, so a fetch reads
 * just the messages written after the cached version and folds them on.
 *
 * <p>Entity values are shared between callers and the cache: the projection must return new
 * values rather than change the one it is given (records are the natural choice).
 */
public final class EntityStore<T> {

  private final MessageStore store;
  private final Projection<T> projection;
  private final int cacheSize;
  private final Map<String, Entity<T>> cache;

  /** An entity store caching up to {@code cacheSize} entities (0: no cache). */
  public EntityStore(MessageStore store, Projection<T> projection, int cacheSize) {
    if (cacheSize < 0) {
      throw new IllegalArgumentException("Cache size must be 0 or more: " + cacheSize);
    }
    this.store = Objects.requireNonNull(store);
    this.projection = Objects.requireNonNull(projection);
    this.cacheSize = cacheSize;
    this.cache = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entity<T>> eldest) {
        return size() > EntityStore.this.cacheSize;
      }
    };
  }

  /** The entity of {@code category-id}. */
  public Entity<T> fetch(String category, String id) {
    return fetch(StreamName.of(category, id));
  }

  /** The entity of a stream, with its version (-1 and the initial value when the stream is empty). */
  public Entity<T> fetch(String streamName) {
    Entity<T> cached = cached(streamName);
    Entity<T> current = cached == null
        ? store.fetch(streamName, projection)
        : store.fetchFrom(streamName, projection, cached.value(), cached.version());
    if (current.exists() && cacheSize > 0) {
      remember(streamName, current);
    }
    return current;
  }

  /** How many entities are cached now. */
  public int cachedEntities() {
    synchronized (cache) {
      return cache.size();
    }
  }

  private Entity<T> cached(String streamName) {
    if (cacheSize == 0) {
      return null;
    }
    synchronized (cache) {
      return cache.get(streamName);
    }
  }

  private void remember(String streamName, Entity<T> entity) {
    synchronized (cache) {
      Entity<T> known = cache.get(streamName);
      // Two fetches may race; the cache keeps the newer version.
      if (known == null || known.version() <= entity.version()) {
        cache.put(streamName, entity);
      }
    }
  }
}
