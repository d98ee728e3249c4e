package dev.videotutorials.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N writer threads, each with its own connection, writing to random streams of their own for a
 * warm-up and then a measured period. A transaction counts when it commits inside the measured
 * period; its latency is from just before its first statement to just after its commit.
 */
final class WriteLoad {

  /** Where and how a writer writes. */
  record Scenario(String key, String title, int categories, int messagesPerTransaction) {
    String category(String runTag, int writer, long transaction) {
      if (categories == 1) {
        return key + runTag;
      }
      return key + runTag + "x" + Math.floorMod(writer + transaction, categories);
    }
  }

  record Settings(int writers, int streamsPerWriter, double warmupSeconds, double measureSeconds) {
  }

  record Result(String contender, String scenario, int round, long messages, long transactions,
                double seconds, double messagesPerSecond, double p50Millis, double p99Millis,
                long committedTotal, long rowsFound, long errors, String firstError,
                double serverCpuMicrosPerMessage, double clientCpuMicrosPerMessage, double otherCores) {

    boolean verified() {
      return committedTotal == rowsFound;
    }
  }

  private WriteLoad() {
  }

  static Result run(Contender contender, Scenario scenario, Settings settings, int round, String runTag, CpuMeter cpu)
      throws Exception {
    long maxBefore;
    try (Connection connection = contender.connect()) {
      maxBefore = maxGlobalPosition(connection, contender.table);
    }

    int writers = settings.writers();
    Worker[] workers = new Worker[writers];
    CountDownLatch ready = new CountDownLatch(writers);
    CountDownLatch go = new CountDownLatch(1);
    AtomicReference<Exception> setupFailure = new AtomicReference<>();
    Thread[] threads = new Thread[writers];
    for (int w = 0; w < writers; w++) {
      workers[w] = new Worker(contender, scenario, settings, w, runTag, ready, go, setupFailure);
      threads[w] = new Thread(workers[w], "writer-" + contender.key + "-" + w);
      threads[w].start();
    }
    ready.await();
    if (setupFailure.get() != null) {
      go.countDown();
      for (Thread t : threads) {
        t.join();
      }
      throw setupFailure.get();
    }
    long start = System.nanoTime();
    long measureFrom = start + (long) (settings.warmupSeconds() * 1e9);
    long measureUntil = measureFrom + (long) (settings.measureSeconds() * 1e9);
    // Writers go on a little after the measured period (uncounted), so that the CPU sample at
    // its end still finds their server processes.
    long stopAt = measureUntil + 300_000_000L;
    for (Worker worker : workers) {
      worker.measureFrom = measureFrom;
      worker.measureUntil = measureUntil;
      worker.stopAt = stopAt;
    }
    go.countDown();
    CpuMeter.Sample used = null;
    if (cpu != null) {
      sleepUntil(measureFrom);
      CpuMeter.Sample before = cpu.sample();
      sleepUntil(measureUntil);
      CpuMeter.Sample after = cpu.sample();
      used = after.minus(before);

    }
    for (Thread t : threads) {
      t.join();
    }

    long messages = 0;
    long transactions = 0;
    long committed = 0;
    long errors = 0;
    String firstError = null;
    int latencyCount = 0;
    for (Worker worker : workers) {
      messages += worker.measuredMessages;
      transactions += worker.measuredTransactions;
      committed += worker.committedMessages;
      errors += worker.errors;
      if (firstError == null) {
        firstError = worker.firstError;
      }
      latencyCount += worker.latencyCount;
    }
    long[] latencies = new long[latencyCount];
    int offset = 0;
    for (Worker worker : workers) {
      System.arraycopy(worker.latencies, 0, latencies, offset, worker.latencyCount);
      offset += worker.latencyCount;
    }
    Arrays.sort(latencies);

    long rowsFound;
    try (Connection connection = contender.connect()) {
      rowsFound = countAfter(connection, contender.table, maxBefore);
    }
    double seconds = settings.measureSeconds();
    double serverCpu = used == null || messages == 0 ? Double.NaN : used.server() * 1e6 / messages;
    double clientCpu = used == null || messages == 0 ? Double.NaN : used.client() * 1e6 / messages;
    double otherCores = used == null ? Double.NaN : (used.machine() - used.server() - used.client()) / seconds;
    return new Result(contender.key, scenario.key(), round, messages, transactions, seconds, messages / seconds,
        percentile(latencies, 0.50) / 1e6, percentile(latencies, 0.99) / 1e6, committed, rowsFound, errors, firstError,
        serverCpu, clientCpu, otherCores);
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long wait;
    while ((wait = nanoTime - System.nanoTime()) > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  static double percentile(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static long maxGlobalPosition(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT coalesce(max(global_position), 0) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long countAfter(Connection connection, String table, long globalPosition) throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table + " WHERE global_position > " + globalPosition)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static final class Worker implements Runnable {
    private final Contender contender;
    private final Scenario scenario;
    private final Settings settings;
    private final int index;
    private final String runTag;
    private final CountDownLatch ready;
    private final CountDownLatch go;
    private final AtomicReference<Exception> setupFailure;

    volatile long measureFrom;
    volatile long measureUntil;
    volatile long stopAt;

    long measuredMessages;
    long measuredTransactions;
    long committedMessages;
    long errors;
    String firstError;
    long[] latencies = new long[1 << 14];
    int latencyCount;

    Worker(Contender contender, Scenario scenario, Settings settings, int index, String runTag,
           CountDownLatch ready, CountDownLatch go, AtomicReference<Exception> setupFailure) {
      this.contender = contender;
      this.scenario = scenario;
      this.settings = settings;
      this.index = index;
      this.runTag = runTag;
      this.ready = ready;
      this.go = go;
      this.setupFailure = setupFailure;
    }

    @Override
    public void run() {
      Connection connection;
      Contender.Writer writer;
      try {
        connection = contender.connect();
        int perTransaction = scenario.messagesPerTransaction();
        connection.setAutoCommit(perTransaction == 1);
        writer = contender.writer(connection);
      } catch (Exception e) {
        setupFailure.compareAndSet(null, e);
        ready.countDown();
        return;
      }
      ready.countDown();
      try (connection; writer) {
        go.await();
        if (setupFailure.get() != null) {
          return;
        }
        loop(connection, writer);
      } catch (Exception e) {
        errors++;
        if (firstError == null) {
          firstError = e.toString();
        }
      }
    }

    private void loop(Connection connection, Contender.Writer writer) throws SQLException {
      int perTransaction = scenario.messagesPerTransaction();
      boolean autoCommit = perTransaction == 1;
      ThreadLocalRandom random = ThreadLocalRandom.current();
      long transaction = 0;
      long until = measureUntil;
      long from = measureFrom;
      long stop = stopAt;
      while (true) {
        long begin = System.nanoTime();
        if (begin >= stop) {
          break;
        }
        String stream = scenario.category(runTag, index, transaction) + "-w" + index + "s"
            + random.nextInt(settings.streamsPerWriter());
        transaction++;
        try {
          writer.write(stream, perTransaction);
          if (!autoCommit) {
            connection.commit();
          }
        } catch (SQLException e) {
          errors++;
          if (firstError == null) {
            firstError = e.getMessage();
          }
          if (!autoCommit) {
            connection.rollback();
          }
          writer.rolledBack();
          if (errors > 100) {
            throw e;
          }
          continue;
        }
        long end = System.nanoTime();
        committedMessages += perTransaction;
        if (end >= from && end < until) {
          measuredMessages += perTransaction;
          measuredTransactions++;
          if (latencyCount == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
          }
          latencies[latencyCount++] = end - begin;
        }
      }
    }
  }
}
