package dev.videotutorials.benchmarks.consumers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts one {@code ## } section into the shared results file, replacing that section if it is
 * there and leaving every other section as it was.
 */
final class ResultsSection {

  private ResultsSection() {
  }

  static void write(Path file, String heading, String body) throws IOException {
    String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmark results\n";
    String section = heading + "\n\n" + body.strip() + "\n";
    int start = existing.startsWith(heading + "\n") ? 0 : existing.indexOf("\n" + heading + "\n");
    String updated;
    if (start < 0) {
      updated = existing.stripTrailing() + "\n\n" + section;
    } else {
      int from = start == 0 ? 0 : start + 1;
      int next = existing.indexOf("\n## ", from + heading.length());
      String after = next < 0 ? "" : "\n" + existing.substring(next + 1);
      updated = existing.substring(0, from) + section + after;
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, updated, StandardCharsets.UTF_8);
  }
}
