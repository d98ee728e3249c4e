package dev.videotutorials.benchmarks;

import java.util.Arrays;

/**
 * Entry point of {@code benchmarks.jar}: {@code java -jar benchmarks/target/benchmarks.jar <name> [options]}.
 * Each benchmark is a command, not a test; see benchmarks/README.md.
 */
public final class Benchmarks {

  private Benchmarks() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      usage();
      System.exit(args.length == 0 ? 2 : 0);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "store" -> System.exit(StoreBenchmark.run(rest));
      default -> {
        System.err.println("Unknown benchmark: " + args[0]);
        usage();
        System.exit(2);
      }
    }
  }

  private static void usage() {
    System.err.println("""
        usage: benchmarks/run <benchmark> [options]
          store    write_message vs plain INSERT vs stock Message DB 1.3, and category reads
                   (benchmarks/run store --help for its options)
        """);
  }
}
