package dev.videotutorials.messagestore.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "stream-summary",
    description = "Prints the number of messages per stream (view message_store.stream_summary) and the total.")
final class StreamSummaryCommand extends SummaryCommand {

  @Option(names = "--stream", paramLabel = "NAME",
      description = "Only rows whose stream_name contains NAME (SQL LIKE: %% and _ are wildcards).")
  private String filter;

  StreamSummaryCommand(CliContext context) {
    super(context, "stream_summary", "stream_name", "stream_name");
  }

  @Override
  String filter() {
    return filter;
  }

  @Override
  boolean printsTotal() {
    return true;
  }
}
