package dev.videotutorials.messagestore.cli;

import picocli.CommandLine.Option;

/** {@code -h, --help} for a subcommand (the tool's version is an option of the top command only). */
final class HelpOption {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  private boolean help;
}
