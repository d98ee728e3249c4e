package dev.videotutorials.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/** Fills one category, then reads all of it in batches as a category consumer does. */
final class CategoryReads {

  static final int FILL_TRANSACTION_SIZE = 1000;

  record Pass(String contender, int pass, long messages, long batches, double seconds,
              double messagesPerSecond, double batchP50Millis, double batchP99Millis, double firstBatchMillis,
              double maxBatchMillis, double serverCpuMicrosPerMessage, double clientCpuMicrosPerMessage) {
  }

  private CategoryReads() {
  }

  /**
   * Writes {@code total} messages to {@code category}: {@code total / messagesPerStream} streams
   * written round robin, {@value #FILL_TRANSACTION_SIZE} messages per transaction (through
   * write_message for the message stores, through INSERT for the plain table).
   */
  static void fill(Contender contender, String category, int total, int messagesPerStream) throws SQLException {
    int streams = Math.max(1, total / messagesPerStream);
    String sql = contender instanceof Contender.PlainInsert
        ? "INSERT INTO plain.messages (id, stream_name, \"position\", \"type\", data, metadata)"
            + " SELECT u.id::uuid, u.s, u.p, u.t, u.d::jsonb, u.m::jsonb"
            + " FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[]) AS u(id, s, p, t, d, m)"
        : "SELECT message_store.write_message(u.id, u.s, u.t, u.d::jsonb, u.m::jsonb)"
            + " FROM unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[], ?::text[], ?::text[]) AS u(id, s, p, t, d, m)";
    try (Connection connection = contender.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int first = 0; first < total; first += FILL_TRANSACTION_SIZE) {
        int n = Math.min(FILL_TRANSACTION_SIZE, total - first);
        String[] ids = new String[n];
        String[] names = new String[n];
        Long[] positions = new Long[n];
        String[] types = new String[n];
        String[] data = new String[n];
        String[] metadata = new String[n];
        for (int i = 0; i < n; i++) {
          int message = first + i;
          ids[i] = Contender.randomUuid().toString();
          names[i] = category + "-s" + (message % streams);
          positions[i] = (long) (message / streams);
          types[i] = Contender.TYPE;
          data[i] = Contender.DATA;
          metadata[i] = Contender.metadata();
        }
        statement.setArray(1, connection.createArrayOf("text", ids));
        statement.setArray(2, connection.createArrayOf("text", names));
        statement.setArray(3, connection.createArrayOf("bigint", positions));
        statement.setArray(4, connection.createArrayOf("text", types));
        statement.setArray(5, connection.createArrayOf("text", data));
        statement.setArray(6, connection.createArrayOf("text", metadata));
        if (contender instanceof Contender.PlainInsert) {
          statement.executeUpdate();
        } else {
          try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              rs.getLong(1);
            }
          }
        }
      }
      try (Statement statement2 = connection.createStatement()) {
        statement2.execute("VACUUM ANALYZE " + contender.table);
      }
    }
  }

  /** Reads the whole category from position 1, each batch from the last global position + 1. */
  static Pass readAll(Contender contender, String category, int batchSize, int pass, CpuMeter cpu) throws SQLException {
    try (Connection connection = contender.connect();
         PreparedStatement statement = connection.prepareStatement(contender.categoryReadSql())) {
      long position = 1;
      long messages = 0;
      long batches = 0;
      long[] batchNanos = new long[1024];
      CpuMeter.Sample before = cpu == null ? null : cpu.sample();
      long start = System.nanoTime();
      while (true) {
        long batchStart = System.nanoTime();
        contender.bindCategoryRead(statement, category, position, batchSize);
        int rows = 0;
        long last = -1;
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            // Materialise every column as a client would.
            rs.getString(1);
            rs.getString(2);
            rs.getString(3);
            rs.getLong(4);
            last = rs.getLong(5);
            rs.getString(6);
            rs.getString(7);
            rs.getString(8);
            rows++;
          }
        }
        if (batches == batchNanos.length) {
          batchNanos = Arrays.copyOf(batchNanos, batchNanos.length * 2);
        }
        batchNanos[(int) batches++] = System.nanoTime() - batchStart;
        messages += rows;
        if (rows < batchSize) {
          break;
        }
        position = last + 1;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      CpuMeter.Sample used = cpu == null ? null : cpu.sample().minus(before);
      long[] sorted = Arrays.copyOf(batchNanos, (int) batches);
      Arrays.sort(sorted);
      return new Pass(contender.key, pass, messages, batches, seconds, messages / seconds,
          WriteLoad.percentile(sorted, 0.50) / 1e6, WriteLoad.percentile(sorted, 0.99) / 1e6,
          batchNanos[0] / 1e6, sorted[sorted.length - 1] / 1e6,
          used == null ? Double.NaN : used.server() * 1e6 / messages,
          used == null ? Double.NaN : used.client() * 1e6 / messages);
    }
  }
}
