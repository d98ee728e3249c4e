package dev.videotutorials.messagestore.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "type-category-summary",
    description = "Prints the number of messages per type and category (view message_store.type_category_summary).")
final class TypeCategorySummaryCommand extends SummaryCommand {

  @Option(names = "--type", paramLabel = "TYPE",
      description = "Only rows whose type contains TYPE (SQL LIKE: %% and _ are wildcards).")
  private String filter;

  TypeCategorySummaryCommand(CliContext context) {
    super(context, "type_category_summary", "\"type\"", "\"type\", category");
  }

  @Override
  String filter() {
    return filter;
  }
}
