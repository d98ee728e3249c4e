package dev.videotutorials.app.web.common;

import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.MessageStoreException;
import dev.videotutorials.messagestore.NewMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Writes of concurrent requests committed together, one statement, one transaction and one disk
 * flush for all of them, each request answered only once its message is committed. A lone write
 * goes out at once; writes that arrive while a commit is under way wait for it and go out
 * together in the next one. A writer's writes keep their order (each waits for the one before).
 * Should a shared write fail, each of its messages is written again alone, so one message's
 * failure is its own (a message that did commit after all is refused by its id, never stored
 * twice).
 *
 * <p>Writes to one stream are serialised by the store's lock on the stream, held until the
 * commit's flush to disk: without grouping, a busy stream (every viewing of one video) takes
 * at most one message per flush.
 */
public final class GroupedWrites {

  /** A bigger group waits for the next commit, so no transaction grows without bound. */
  static final int MAX_GROUP = 256;

  /**
   * One statement, so one round trip and one transaction, through the store's
   * {@code write_message}; the messages of a group were sent concurrently, so the order in which
   * they are written does not matter, only that each answer is its own message's position.
   */
  private static final String WRITE_GROUP = """
      SELECT written.position
      FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) WITH ORDINALITY
        AS m(id, stream_name, type, data, metadata, n)
      CROSS JOIN LATERAL message_store.write_message(m.id, m.stream_name, m.type, m.data::jsonb, m.metadata::jsonb)
        AS written(position)
      ORDER BY m.n
      """;

  private record Write(String streamName, NewMessage message, CompletableFuture<Long> position) {
  }

  private final MessageStore store;
  /** Held while a group commits: one group at a time. */
  private final ReentrantLock committing = new ReentrantLock();
  private final Object lock = new Object();
  /** The group new writes join until it starts to commit; null when none is forming. */
  private List<Write> forming;

  public GroupedWrites(MessageStore store) {
    this.store = store;
  }

  /** Writes {@code message} to {@code streamName} without a version check; returns its position once committed. */
  public long write(String streamName, NewMessage message) {
    Write write = new Write(streamName, message, new CompletableFuture<>());
    List<Write> group = null;
    synchronized (lock) {
      if (forming == null || forming.size() >= MAX_GROUP) {
        forming = new ArrayList<>();
        group = forming;
      }
      forming.add(write);
    }
    if (group != null) {
      commit(group);
    }
    return positionOf(write);
  }

  private void commit(List<Write> group) {
    committing.lock();
    try {
      synchronized (lock) {
        if (forming == group) {
          forming = null;
        }
      }
      if (group.size() == 1) {
        writeAlone(group.get(0));
      } else {
        writeTogether(group);
      }
    } finally {
      committing.unlock();
      for (Write write : group) { // nobody waits forever, whatever went wrong
        write.position().completeExceptionally(new MessageStoreException("Writing to " + write.streamName() + " was abandoned"));
      }
    }
  }

  private void writeTogether(List<Write> group) {
    List<Long> positions = new ArrayList<>(group.size());
    try (Connection connection = store.dataSource().getConnection();
         PreparedStatement statement = connection.prepareStatement(WRITE_GROUP)) {
      statement.setArray(1, connection.createArrayOf("varchar", column(group, w -> w.message().id().toString())));
      statement.setArray(2, connection.createArrayOf("varchar", column(group, Write::streamName)));
      statement.setArray(3, connection.createArrayOf("varchar", column(group, w -> w.message().type())));
      statement.setArray(4, connection.createArrayOf("varchar", column(group, w -> w.message().data().toJson())));
      statement.setArray(5, connection.createArrayOf("varchar", column(group, w -> w.message().metadata().isEmpty()
          ? null : w.message().metadata().fields().toJson())));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          positions.add(rs.getLong(1));
        }
      }
    } catch (SQLException | RuntimeException e) {
      group.forEach(this::writeAlone);
      return;
    }
    Set<String> streams = new LinkedHashSet<>();
    for (int i = 0; i < group.size(); i++) {
      group.get(i).position().complete(positions.get(i));
      streams.add(group.get(i).streamName());
    }
    streams.forEach(store::committed);
  }

  private static String[] column(List<Write> group, Function<Write, String> field) {
    return group.stream().map(field).toArray(String[]::new);
  }

  private void writeAlone(Write write) {
    try {
      write.position().complete(store.write(write.streamName(), write.message()));
    } catch (RuntimeException | Error e) {
      write.position().completeExceptionally(e);
    }
  }

  private static long positionOf(Write write) {
    try {
      return write.position().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MessageStoreException("Interrupted while waiting for the write to " + write.streamName(), e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new MessageStoreException("Writing to " + write.streamName() + " failed", e.getCause());
    }
  }
}
