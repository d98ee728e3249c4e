package dev.videotutorials.messagestore.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Measures how far an active consumer is behind: how many messages it has still to read (counted
 * up to {@link #COUNT_LIMIT}, so a deep backlog costs a bounded index scan) and the time of the
 * oldest of them. Runs on the {@link Housekeeping} thread, so a consumer stuck in a handler still
 * reports a growing lag.
 */
final class LagProbe {

  static final int COUNT_LIMIT = 100_000;

  private final DataSource dataSource;
  private final ConsumerSettings settings;
  private final ConsumerProgress progress;
  private final String countSql;
  private final String oldestSql;

  LagProbe(DataSource dataSource, ConsumerSettings settings, ConsumerProgress progress) {
    this.dataSource = dataSource;
    this.settings = settings;
    this.progress = progress;
    String pending = pendingMessagesCondition(settings);
    this.countSql = "SELECT count(*) FROM (SELECT 1 FROM message_store.messages m WHERE " + pending
        + " LIMIT " + COUNT_LIMIT + ") pending";
    this.oldestSql = "SELECT m.global_position, m.time FROM message_store.messages m WHERE " + pending
        + (settings.category() == null
            ? " ORDER BY m.global_position LIMIT 1"
            : " ORDER BY message_store.category(m.stream_name), m.global_position LIMIT 1");
  }

  void measure() throws SQLException {
    long position = progress.position();
    try (Connection connection = dataSource.getConnection()) {
      long count;
      try (PreparedStatement statement = connection.prepareStatement(countSql)) {
        bind(statement, position);
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          count = rs.getLong(1);
        }
      }
      long oldestGlobalPosition = -1;
      Instant oldestTime = null;
      if (count > 0) {
        try (PreparedStatement statement = connection.prepareStatement(oldestSql)) {
          bind(statement, position);
          try (ResultSet rs = statement.executeQuery()) {
            if (rs.next()) {
              oldestGlobalPosition = rs.getLong(1);
              LocalDateTime time = rs.getObject(2, LocalDateTime.class);
              oldestTime = time == null ? null : time.toInstant(ZoneOffset.UTC);
            }
          }
        }
      }
      progress.lag(new ConsumerProgress.Lag(position, count, oldestGlobalPosition, oldestTime));
    }
  }

  private static String pendingMessagesCondition(ConsumerSettings settings) {
    StringBuilder condition = new StringBuilder();
    if (settings.category() != null) {
      // Bounds on (category, global_position), the leading columns of messages_category, so
      // the planner cannot prefer walking the primary key past other categories' messages.
      condition.append("(message_store.category(m.stream_name), m.global_position) > (?, ?)"
          + " AND message_store.category(m.stream_name) = ?");
    } else {
      condition.append("m.global_position > ?");
    }
    if (settings.correlation() != null) {
      condition.append(" AND message_store.category(m.metadata->>'correlationStreamName') = ?");
    }
    if (settings.groupMember() != null) {
      condition.append(" AND mod(@message_store.hash_64(message_store.cardinal_id(m.stream_name)), ?) = ?");
    }
    return condition.toString();
  }

  private void bind(PreparedStatement statement, long position) throws SQLException {
    int index = 1;
    if (settings.category() != null) {
      statement.setString(index++, settings.category());
      statement.setLong(index++, position);
      statement.setString(index++, settings.category());
    } else {
      statement.setLong(index++, position);
    }
    if (settings.correlation() != null) {
      statement.setString(index++, settings.correlation());
    }
    if (settings.groupMember() != null) {
      statement.setLong(index++, settings.groupSize());
      statement.setLong(index, settings.groupMember());
    }
  }
}
