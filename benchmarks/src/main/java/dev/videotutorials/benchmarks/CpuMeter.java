package dev.videotutorials.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time, read from Linux's /proc, of the PostgreSQL server (the postmaster and all its
 * children), of this JVM, and of the whole machine. CPU per message is a measure that other
 * load on the machine disturbs far less than throughput does. Works only when the server runs
 * on this machine; otherwise {@link #forServer} returns null.
 */
final class CpuMeter {

  /** Linux's USER_HZ, the unit of /proc CPU times; 100 on every common platform. */
  private static final double TICKS_PER_SECOND = 100.0;

  private final long postmasterPid;

  private CpuMeter(long postmasterPid) {
    this.postmasterPid = postmasterPid;
  }

  /**
   * A sample of the CPU times, in seconds: of each server process, of this JVM, of the machine.
   * Only the difference of two samples ({@link #minus}) is meaningful.
   */
  record Sample(Map<Long, Long> serverTicks, double server, double client, double machine) {
    /**
     * The CPU used between {@code earlier} and this sample. A server process that exited in
     * between is left out (its share is lost, typically small); one that started counts fully.
     */
    Sample minus(Sample earlier) {
      long ticks = 0;
      for (Map.Entry<Long, Long> process : serverTicks.entrySet()) {
        ticks += process.getValue() - earlier.serverTicks.getOrDefault(process.getKey(), 0L);
      }
      double serverSeconds = serverTicks.isEmpty() ? Double.NaN : ticks / TICKS_PER_SECOND;
      return new Sample(Map.of(), serverSeconds, client - earlier.client, machine - earlier.machine);
    }
  }

  static CpuMeter forServer(Connection connection) {
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      long backend = rs.getLong(1);
      String[] fields = statFields(Path.of("/proc", Long.toString(backend), "stat"));
      if (fields == null) {
        return null;
      }
      return new CpuMeter(Long.parseLong(fields[1]));
    } catch (SQLException | RuntimeException e) {
      return null;
    }
  }

  Sample sample() {
    Map<Long, Long> ticks = serverTicks();
    return new Sample(ticks, Double.NaN, clientSeconds(), machineSeconds());
  }

  private Map<Long, Long> serverTicks() {
    Map<Long, Long> ticks = new HashMap<>();
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"))) {
      for (Path process : processes) {
        String name = process.getFileName().toString();
        if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
          continue;
        }
        String[] fields = statFields(process.resolve("stat"));
        if (fields == null) {
          continue;
        }
        long pid = Long.parseLong(name);
        if (Long.parseLong(fields[1]) == postmasterPid || pid == postmasterPid) {
          ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        }
      }
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
    return ticks;
  }

  private static double clientSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime() / 1e9;
    }
    return Double.NaN;
  }

  /** Busy CPU time of the whole machine: everything but idle, iowait and steal. */
  private static double machineSeconds() {
    try {
      String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = line.trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i < f.length && i <= 7; i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(f[i]);
        }
      }
      return busy / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** The fields after the command name of a /proc/PID/stat file, re-indexed so that [1] is the ppid. */
  private static String[] statFields(Path stat) {
    try {
      String text = Files.readString(stat);
      int close = text.lastIndexOf(')');
      String[] rest = text.substring(close + 2).trim().split("\\s+");
      // rest[0] = state, rest[1] = ppid, ..., rest[11] = utime, rest[12] = stime
      return rest;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
