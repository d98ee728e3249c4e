package dev.videotutorials.messagestore.cli;

import java.io.PrintStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Prints one of the {@code message_store.*_summary} views, optionally only the rows whose filter
 * column contains a text (SQL LIKE, so {@code %} and {@code _} act as wildcards).
 */
abstract class SummaryCommand extends StoreCommand {

  private final String view;
  private final String filterColumn;
  private final String orderBy;

  SummaryCommand(CliContext context, String view, String filterColumn, String orderBy) {
    super(context);
    this.view = view;
    this.filterColumn = filterColumn;
    this.orderBy = orderBy;
  }

  /** The value of the subcommand's filter option, or null. */
  abstract String filter();

  /** Whether to print the number of messages after the table. */
  boolean printsTotal() {
    return false;
  }

  @Override
  final void run(StoreConnection store, PrintStream out) throws SQLException {
    String sql = "SELECT * FROM message_store." + view
        + (filter() == null ? "" : " WHERE " + filterColumn + " LIKE '%' || ? || '%'")
        + " ORDER BY " + orderBy;
    Table table;
    try (PreparedStatement statement = store.jdbc().prepareStatement(sql)) {
      if (filter() != null) {
        statement.setString(1, filter());
      }
      try (ResultSet rs = statement.executeQuery()) {
        table = Table.read(rs);
      }
    }
    TablePrinter.print(table, out);
    if (printsTotal()) {
      out.println();
      out.println("Total messages: " + table.sum("message_count"));
    }
  }
}
