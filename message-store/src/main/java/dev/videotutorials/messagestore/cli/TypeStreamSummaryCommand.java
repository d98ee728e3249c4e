package dev.videotutorials.messagestore.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "type-stream-summary",
    description = "Prints the number of messages per type and stream (view message_store.type_stream_summary).")
final class TypeStreamSummaryCommand extends SummaryCommand {

  @Option(names = "--type", paramLabel = "TYPE",
      description = "Only rows whose type contains TYPE (SQL LIKE: %% and _ are wildcards).")
  private String filter;

  TypeStreamSummaryCommand(CliContext context) {
    super(context, "type_stream_summary", "\"type\"", "\"type\", stream_name");
  }

  @Override
  String filter() {
    return filter;
  }
}
