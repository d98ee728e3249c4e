package dev.videotutorials.messagestore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import dev.videotutorials.messagestore.consumer.WakeUps;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The Java client of the message store. It calls only the public SQL functions of the Message
 * DB 1.3 interface (plus {@code get_all_messages} for {@link #readAll}), schema-qualified, so it
 * works against this project's store and against a stock Message DB alike.
 */
public final class MessageStore {

  public static final int DEFAULT_BATCH_SIZE = 1000;

  /** Tries of an operation whose connection turned out to be gone; see retryingLostConnections. */
  private static final int CONNECTION_ATTEMPTS = 4;

  private static final String WRITE =
      "SELECT message_store.write_message(?, ?, ?, ?::jsonb, ?::jsonb, ?)";
  private static final String READ_STREAM =
      "SELECT * FROM message_store.get_stream_messages(?, ?, ?)";
  private static final String READ_CATEGORY =
      "SELECT * FROM message_store.get_category_messages(?, ?, ?, ?, ?, ?, ?)";
  private static final String READ_ALL =
      "SELECT * FROM message_store.get_all_messages(?, ?)";
  private static final String READ_LAST =
      "SELECT * FROM message_store.get_last_stream_message(?, ?)";
  private static final String STREAM_VERSION =
      "SELECT message_store.stream_version(?)";

  private final DataSource dataSource;
  private final WriteListener writeListener;
  private final WakeUps wakeUps;

  public MessageStore(DataSource dataSource) {
    this(dataSource, WriteListener.NONE, WakeUps.POLLING);
  }

  public MessageStore(DataSource dataSource, WriteListener writeListener) {
    this(dataSource, writeListener, WakeUps.POLLING);
  }

  private MessageStore(DataSource dataSource, WriteListener writeListener, WakeUps wakeUps) {
    this.dataSource = Objects.requireNonNull(dataSource);
    this.writeListener = Objects.requireNonNull(writeListener);
    this.wakeUps = Objects.requireNonNull(wakeUps);
  }

  /** The same store, telling {@code listener} of every committed write. */
  public MessageStore withWriteListener(WriteListener listener) {
    return new MessageStore(dataSource, listener, wakeUps);
  }

  /** The same store, whose consumers wait on {@code wakeUps} unless told otherwise. */
  public MessageStore withWakeUps(WakeUps wakeUps) {
    return new MessageStore(dataSource, writeListener, wakeUps);
  }

  /** What consumers of this store wait on between reads ({@link WakeUps#POLLING} by default). */
  public WakeUps wakeUps() {
    return wakeUps;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Writes one message without a version check; returns its position in the stream. */
  public long write(String streamName, NewMessage message) {
    return write(streamName, message, null);
  }

  /**
   * Writes one message; with an {@code expectedVersion} (-1: the stream must be empty) the
   * write fails with {@link ExpectedVersionException} unless the stream is at that version.
   * Returns the new message's position in the stream.
   */
  public long write(String streamName, NewMessage message, Long expectedVersion) {
    return write(streamName, List.of(message), expectedVersion);
  }

  /**
   * Writes several messages to one stream atomically: all or none. {@code expectedVersion}
   * applies to the first; returns the position of the last.
   */
  public long write(String streamName, List<NewMessage> messages, Long expectedVersion) {
    Objects.requireNonNull(streamName, "streamName");
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("Nothing to write");
    }
    long position = retryingLostConnections(() -> writeCommitted(streamName, messages, expectedVersion));
    writeListener.written(streamName);
    return position;
  }

  /**
   * Runs {@code operation} again, on another connection, when it failed because its connection
   * was gone (a pooled connection the server closed, e.g. after a restart). A write that had in
   * fact committed before its connection was lost is then refused as a
   * {@link DuplicateMessageIdException}, never written twice.
   */
  private static <T> T retryingLostConnections(java.util.function.Supplier<T> operation) {
    for (int attempt = 1; ; attempt++) {
      try {
        return operation.get();
      } catch (MessageStoreException e) {
        if (attempt >= CONNECTION_ATTEMPTS || !lostConnection(e)) {
          throw e;
        }
      }
    }
  }

  private static boolean lostConnection(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // A connection that died under us (not a failure to connect: that is not retried, so
        // an unreachable server fails fast).
        if (state.equals("08003") || state.equals("08006") || state.equals("08007")
            || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
          return true;
        }
      }
    }
    return false;
  }

  private long writeCommitted(String streamName, List<NewMessage> messages, Long expectedVersion) {
    try (Connection connection = dataSource.getConnection()) {
      if (messages.size() == 1) {
        return writeOne(connection, streamName, messages.get(0), expectedVersion);
      }
      connection.setAutoCommit(false);
      try {
        long position = -1;
        Long expected = expectedVersion;
        for (NewMessage message : messages) {
          position = writeOne(connection, streamName, message, expected);
          expected = expected == null ? null : position;
        }
        connection.commit();
        return position;
      } catch (RuntimeException | SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new MessageStoreException("Writing to " + streamName + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Writes within the caller's transaction on {@code connection} (for callers that must commit
   * messages together with other changes). No {@link WriteListener} is told: call
   * {@link #committed} after the commit.
   */
  public static long write(Connection connection, String streamName, NewMessage message, Long expectedVersion) {
    try {
      return writeOne(connection, streamName, message, expectedVersion);
    } catch (SQLException e) {
      throw new MessageStoreException("Writing to " + streamName + " failed: " + e.getMessage(), e);
    }
  }

  /** Tells the write listener that a write to {@code streamName} made elsewhere committed. */
  public void committed(String streamName) {
    writeListener.written(streamName);
  }

  private static long writeOne(Connection connection, String streamName, NewMessage message, Long expectedVersion)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(WRITE)) {
      statement.setString(1, message.id().toString());
      statement.setString(2, streamName);
      statement.setString(3, message.type());
      statement.setString(4, message.data().toJson());
      statement.setString(5, message.metadata().isEmpty() ? null : message.metadata().fields().toJson());
      if (expectedVersion == null) {
        statement.setNull(6, Types.BIGINT);
      } else {
        statement.setLong(6, expectedVersion);
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (PSQLException e) {
      throw translate(e, message.id());
    }
  }

  /** Messages of a stream from {@code fromPosition} (0 = the first), at most {@code batchSize}. */
  public List<Message> readStream(String streamName, long fromPosition, long batchSize) {
    return query(READ_STREAM, statement -> {
      statement.setString(1, streamName);
      statement.setLong(2, fromPosition);
      statement.setLong(3, batchSize);
    }, "Reading stream " + streamName);
  }

  /** Every message of a stream, in order. */
  public List<Message> readStream(String streamName) {
    List<Message> all = new ArrayList<>();
    long next = 0;
    while (true) {
      List<Message> batch = readStream(streamName, next, DEFAULT_BATCH_SIZE);
      all.addAll(batch);
      if (batch.size() < DEFAULT_BATCH_SIZE) {
        return all;
      }
      next = batch.get(batch.size() - 1).position() + 1;
    }
  }

  /**
   * A batch of a category in global-position order. Messages of transactions still writing
   * are held back, never skipped: resume at the last message's global position + 1.
   */
  public List<Message> readCategory(CategoryRead read) {
    return query(READ_CATEGORY, statement -> {
      statement.setString(1, read.category());
      statement.setLong(2, read.position());
      statement.setLong(3, read.batchSize());
      statement.setString(4, read.correlation());
      setNullableLong(statement, 5, read.consumerGroupMember());
      setNullableLong(statement, 6, read.consumerGroupSize());
      statement.setString(7, read.condition());
    }, "Reading category " + read.category());
  }

  /** A batch of every message of the store in global-position order, with the same guarantee. */
  public List<Message> readAll(long fromGlobalPosition, long batchSize) {
    return query(READ_ALL, statement -> {
      statement.setLong(1, fromGlobalPosition);
      statement.setLong(2, batchSize);
    }, "Reading all messages");
  }

  public Optional<Message> readLast(String streamName) {
    return readLast(streamName, null);
  }

  /** The last message of a stream, optionally the last of one type. */
  public Optional<Message> readLast(String streamName, String type) {
    List<Message> messages = query(READ_LAST, statement -> {
      statement.setString(1, streamName);
      statement.setString(2, type);
    }, "Reading the last message of " + streamName);
    return messages.stream().findFirst();
  }

  /** The stream's version: the position of its last message, -1 when it has none. */
  public long streamVersion(String streamName) {
    try (Connection connection = dataSource.getConnection();
         PreparedStatement statement = connection.prepareStatement(STREAM_VERSION)) {
      statement.setString(1, streamName);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        long version = rs.getLong(1);
        return rs.wasNull() ? Entity.NO_STREAM : version;
      }
    } catch (PSQLException e) {
      throw translate(e, null);
    } catch (SQLException e) {
      throw new MessageStoreException("Reading the version of " + streamName + " failed: " + e.getMessage(), e);
    }
  }

  /** Folds the whole stream, however long, with {@code projection}. */
  public <T> Entity<T> fetch(String streamName, Projection<T> projection) {
    return fetchFrom(streamName, projection, projection.initial(), Entity.NO_STREAM);
  }

  /** Continues a fold from an entity known at {@code version}, reading only newer messages. */
  public <T> Entity<T> fetchFrom(String streamName, Projection<T> projection, T entity, long version) {
    T value = entity;
    long next = version + 1;
    long current = version;
    while (true) {
      List<Message> batch = readStream(streamName, next, DEFAULT_BATCH_SIZE);
      for (Message message : batch) {
        value = projection.apply(value, message);
        current = message.position();
      }
      if (batch.size() < DEFAULT_BATCH_SIZE) {
        return new Entity<>(value, current);
      }
      next = current + 1;
    }
  }

  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private List<Message> query(String sql, Binder binder, String what) {
    return retryingLostConnections(() -> queryOnce(sql, binder, what));
  }

  private List<Message> queryOnce(String sql, Binder binder, String what) {
    try (Connection connection = dataSource.getConnection();
         PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      try (ResultSet rs = statement.executeQuery()) {
        List<Message> messages = new ArrayList<>();
        while (rs.next()) {
          messages.add(map(rs));
        }
        return messages;
      }
    } catch (PSQLException e) {
      throw translate(e, null);
    } catch (SQLException e) {
      throw new MessageStoreException(what + " failed: " + e.getMessage(), e);
    }
  }

  static Message map(ResultSet rs) throws SQLException {
    LocalDateTime time = rs.getObject("time", LocalDateTime.class);
    String id = rs.getString("id");
    String streamName = rs.getString("stream_name");
    try {
      return new Message(
          UUID.fromString(id),
          streamName,
          rs.getString("type"),
          rs.getLong("position"),
          rs.getLong("global_position"),
          JsonObject.parse(rs.getString("data")),
          Metadata.parse(rs.getString("metadata")),
          time == null ? null : time.toInstant(ZoneOffset.UTC));
    } catch (IllegalArgumentException e) {
      // Other Message DB clients may store any JSON value; this client reads objects only.
      throw new MessageStoreException("Message " + id + " of " + streamName + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  private static MessageStoreException translate(PSQLException e, UUID messageId) {
    ServerErrorMessage server = e.getServerErrorMessage();
    String text = server == null ? e.getMessage() : server.getMessage();
    ExpectedVersionException versionConflict = ExpectedVersionException.fromServerText(text, e);
    if (versionConflict != null) {
      return versionConflict;
    }
    if ("23505".equals(e.getSQLState()) && server != null && "messages_id".equals(server.getConstraint())) {
      return new DuplicateMessageIdException(messageId, e);
    }
    return new MessageStoreException(text, e);
  }
}
