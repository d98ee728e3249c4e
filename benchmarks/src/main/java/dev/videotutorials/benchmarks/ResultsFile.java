package dev.videotutorials.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code benchmarks/RESULTS.md}: one {@code ## } section per benchmark. Writing a section replaces
 * that section only and keeps the others as they are.
 */
final class ResultsFile {

  static final String HEADER = """
      # Benchmark results

      Written by the benchmark commands (see benchmarks/README.md); each benchmark replaces only its own
      section. Speed is reported as ratios between contenders measured in the same run on the same server.
      """;

  private ResultsFile() {
  }

  /** {@code section} must start with its {@code ## } heading line. */
  static void writeSection(Path file, String section) throws IOException {
    String heading = section.lines().findFirst().orElseThrow().strip();
    if (!heading.startsWith("## ")) {
      throw new IllegalArgumentException("A section must start with a '## ' heading: " + heading);
    }
    List<String> lines = Files.exists(file)
        ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
        : new ArrayList<>(HEADER.lines().toList());
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(heading)) {
        start = i;
        break;
      }
    }
    List<String> replacement = new ArrayList<>(section.strip().lines().toList());
    if (start < 0) {
      while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
        lines.remove(lines.size() - 1);
      }
      lines.add("");
      lines.addAll(replacement);
    } else {
      int end = start + 1;
      while (end < lines.size() && !lines.get(end).startsWith("## ")) {
        end++;
      }
      if (end < lines.size()) {
        replacement.add("");
      }
      lines.subList(start, end).clear();
      lines.addAll(start, replacement);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }
}
