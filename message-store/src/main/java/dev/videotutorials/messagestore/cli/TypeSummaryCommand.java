package dev.videotutorials.messagestore.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "type-summary",
    description = "Prints the number of messages per type (view message_store.type_summary).")
final class TypeSummaryCommand extends SummaryCommand {

  @Option(names = "--type", paramLabel = "TYPE",
      description = "Only rows whose type contains TYPE (SQL LIKE: %% and _ are wildcards).")
  private String filter;

  TypeSummaryCommand(CliContext context) {
    super(context, "type_summary", "\"type\"", "\"type\"");
  }

  @Override
  String filter() {
    return filter;
  }
}
