package dev.videotutorials.benchmarks.consumers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A one-line description of the machine the benchmark ran on. */
final class Machine {

  private Machine() {
  }

  static String describe() {
    String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name", "unknown CPU");
    String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal", "? kB");
    String kilobytes = memory.split("\\s+")[0];
    String gigabytes = kilobytes.matches("[0-9]+") ? String.valueOf(Math.round(Long.parseLong(kilobytes) / 1048576.0)) : "?";
    String os = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME", System.getProperty("os.name")).replace("\"", "");
    return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + gigabytes + " GB RAM, " + os
        + ", Java " + System.getProperty("java.version");
  }

  /** The 1-minute load average: other work on the machine skews every figure. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static String firstValue(Path file, String key, String fallback) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (String line : lines) {
        if (line.startsWith(key)) {
          int separator = line.indexOf(':') >= 0 ? line.indexOf(':') : line.indexOf('=');
          return line.substring(separator + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      return fallback;
    }
    return fallback;
  }
}
