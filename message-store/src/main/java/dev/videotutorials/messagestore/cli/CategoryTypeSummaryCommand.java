package dev.videotutorials.messagestore.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "category-type-summary",
    description = "Prints the number of messages per category and type (view message_store.category_type_summary).")
final class CategoryTypeSummaryCommand extends SummaryCommand {

  @Option(names = "--category", paramLabel = "CATEGORY",
      description = "Only rows whose category contains CATEGORY (SQL LIKE: %% and _ are wildcards).")
  private String filter;

  CategoryTypeSummaryCommand(CliContext context) {
    super(context, "category_type_summary", "category", "category, \"type\"");
  }

  @Override
  String filter() {
    return filter;
  }
}
