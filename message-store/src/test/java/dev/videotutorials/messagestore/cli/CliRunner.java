package dev.videotutorials.messagestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Runs the tool in-process, the way {@code java -jar message-store-cli.jar ARGS} would. */
final class CliRunner {

  private CliRunner() {
  }

  record Outcome(int exitCode, String out, String err) {

    List<String> outLines() {
      return out.lines().toList();
    }

    /** Asserts success with nothing on stderr, and returns stdout. */
    String succeeded() {
      assertThat(err).as("stderr of a successful run").isEmpty();
      assertThat(exitCode).as("exit code; stdout: %s", out).isZero();
      return out;
    }

    /** Asserts the failure contract: non-zero exit, exactly one line on stderr, no stack trace; returns that line. */
    String failedWithOneLine() {
      assertThat(exitCode).as("exit code; stderr: %s", err).isNotZero();
      List<String> lines = err.lines().toList();
      assertThat(lines).as("stderr").hasSize(1);
      assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
      assertThat(lines.get(0)).startsWith(Cli.NAME + ": ");
      return lines.get(0);
    }
  }

  static Outcome run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
         PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exitCode = Cli.run(args, outStream, errStream, env);
    }
    return new Outcome(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Outcome run(String... args) {
    return run(Map.of(), args);
  }
}
