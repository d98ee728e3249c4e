package dev.videotutorials.messagestore.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "stream-type-summary",
    description = "Prints the number of messages per stream and type (view message_store.stream_type_summary).")
final class StreamTypeSummaryCommand extends SummaryCommand {

  @Option(names = "--stream", paramLabel = "NAME",
      description = "Only rows whose stream_name contains NAME (SQL LIKE: %% and _ are wildcards).")
  private String filter;

  StreamTypeSummaryCommand(CliContext context) {
    super(context, "stream_type_summary", "stream_name", "stream_name, \"type\"");
  }

  @Override
  String filter() {
    return filter;
  }
}
