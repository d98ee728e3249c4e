package dev.videotutorials.benchmarks;

import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One thing that stores messages: our {@code write_message}, stock Message DB's, or a plain
 * INSERT into a table with the same columns, defaults and indexes. All contenders get the same
 * connection settings.
 */
abstract class Contender {

  static final String TYPE = "SomethingHappened";
  static final String DATA = "{\"attribute\":\"some value\"}";

  final String key;
  final String label;
  final ConnectionString database;
  final String table;

  Contender(String key, String label, ConnectionString database, String table) {
    this.key = key;
    this.label = label;
    this.database = database;
    this.table = table;
  }

  /** A connection with the settings every contender gets. */
  Connection connect() throws SQLException {
    Connection connection = Databases.connect(database);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET search_path = message_store, public");
      statement.execute("SET client_min_messages = warning");
    }
    return connection;
  }

  /** Prepares the statements of one writer on its own connection. */
  abstract Writer writer(Connection connection) throws SQLException;

  /** The statement that reads one batch of a category. */
  abstract String categoryReadSql();

  /** Binds category, position and batch size to {@link #categoryReadSql()}. */
  void bindCategoryRead(PreparedStatement statement, String category, long position, long batchSize) throws SQLException {
    statement.setString(1, category);
    statement.setLong(2, position);
    statement.setLong(3, batchSize);
  }

  /** Writes messages in the caller's transaction mode; not thread-safe (one per writer thread). */
  interface Writer extends AutoCloseable {
    /** Writes {@code count} messages to {@code stream}, in order. */
    void write(String stream, int count) throws SQLException;

    /** Forgets positions counted in a transaction that was rolled back. */
    default void rolledBack() {
    }

    @Override
    void close() throws SQLException;
  }

  static String metadata() {
    return "{\"traceId\":\"" + randomUuid() + "\"}";
  }

  /** A version 4 UUID from a fast (non-cryptographic) generator, to keep the client's share of the CPU small. */
  static UUID randomUuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }

  /** Message DB's write_message (ours or stock): {@code SELECT message_store.write_message(...)}. */
  static final class WriteMessage extends Contender {

    WriteMessage(String key, String label, ConnectionString database) {
      super(key, label, database, "message_store.messages");
    }

    @Override
    Writer writer(Connection connection) throws SQLException {
      PreparedStatement statement = connection.prepareStatement(
          "SELECT message_store.write_message(?, ?, ?, ?::jsonb, ?::jsonb)");
      return new Writer() {
        @Override
        public void write(String stream, int count) throws SQLException {
          for (int i = 0; i < count; i++) {
            statement.setString(1, randomUuid().toString());
            statement.setString(2, stream);
            statement.setString(3, TYPE);
            statement.setString(4, DATA);
            statement.setString(5, metadata());
            try (ResultSet rs = statement.executeQuery()) {
              rs.next();
              rs.getLong(1);
            }
          }
        }

        @Override
        public void close() throws SQLException {
          statement.close();
        }
      };
    }

    @Override
    String categoryReadSql() {
      return "SELECT id, stream_name, type, position, global_position, data, metadata, time"
          + " FROM message_store.get_category_messages(?, ?, ?)";
    }
  }

  /**
   * A plain {@code INSERT ... VALUES} per message into {@code plain.messages}; each writer writes
   * only its own streams, so it counts their positions itself.
   */
  static final class PlainInsert extends Contender {

    PlainInsert(ConnectionString database) {
      super("plain", "plain INSERT", database, "plain.messages");
    }

    @Override
    Writer writer(Connection connection) throws SQLException {
      PreparedStatement statement = connection.prepareStatement(
          "INSERT INTO plain.messages (id, stream_name, \"position\", \"type\", data, metadata)"
              + " VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb)");
      Map<String, Long> nextPositions = new HashMap<>();
      return new Writer() {
        private final Map<String, Long> pending = new HashMap<>();

        @Override
        public void write(String stream, int count) throws SQLException {
          long position = nextPositions.getOrDefault(stream, 0L);
          pending.putIfAbsent(stream, position);
          for (int i = 0; i < count; i++) {
            statement.setObject(1, randomUuid());
            statement.setString(2, stream);
            statement.setLong(3, position);
            statement.setString(4, TYPE);
            statement.setString(5, DATA);
            statement.setString(6, metadata());
            statement.executeUpdate();
            position++;
            nextPositions.put(stream, position);
          }
          if (connection.getAutoCommit()) {
            pending.clear();
          }
        }

        @Override
        public void rolledBack() {
          pending.forEach(nextPositions::put);
          pending.clear();
        }

        @Override
        public void close() throws SQLException {
          statement.close();
        }
      };
    }

    @Override
    String categoryReadSql() {
      // The row comparison and the matching ORDER BY make the category index the only one that
      // delivers the order, so the planner cannot pick a primary-key scan that filters its way
      // through every other category (see the results' findings).
      return "SELECT id::varchar, stream_name::varchar, \"type\"::varchar, \"position\", global_position,"
          + " data::varchar, metadata::varchar, \"time\""
          + " FROM plain.messages WHERE (plain.category(stream_name), global_position) >= (?::varchar, ?::bigint)"
          + " AND plain.category(stream_name) <= ?::varchar"
          + " ORDER BY plain.category(stream_name), global_position LIMIT ?";
    }

    @Override
    void bindCategoryRead(PreparedStatement statement, String category, long position, long batchSize) throws SQLException {
      statement.setString(1, category);
      statement.setLong(2, position);
      statement.setString(3, category);
      statement.setLong(4, batchSize);
    }

    /** Creates {@code plain.messages} like Message DB's table, with an immutable SQL category function for its index. */
    static void install(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute("""
            CREATE SCHEMA plain;

            CREATE FUNCTION plain.category(stream_name varchar) RETURNS varchar
              LANGUAGE sql IMMUTABLE
              AS $$ SELECT split_part(stream_name, '-', 1)::varchar $$;

            CREATE TABLE plain.messages (
              global_position bigserial NOT NULL,
              "position" bigint NOT NULL,
              "time" timestamp without time zone DEFAULT (now() AT TIME ZONE 'utc') NOT NULL,
              stream_name text NOT NULL,
              "type" text NOT NULL,
              data jsonb,
              metadata jsonb,
              id uuid NOT NULL DEFAULT gen_random_uuid()
            );
            ALTER TABLE plain.messages ADD PRIMARY KEY (global_position);
            CREATE UNIQUE INDEX plain_messages_id ON plain.messages (id);
            CREATE UNIQUE INDEX plain_messages_stream ON plain.messages (stream_name, "position");
            CREATE INDEX plain_messages_category ON plain.messages (
              plain.category(stream_name),
              global_position,
              plain.category(metadata->>'correlationStreamName')
            );
            """);
      }
    }
  }
}
