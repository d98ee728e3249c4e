package dev.videotutorials.messagestore.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * Prints rows the way {@code psql -x} does: one block per row, one line per column, NULL as an
 * empty value. Rows are printed as they are read, so large results stream.
 */
final class ExpandedPrinter {

  private ExpandedPrinter() {
  }

  /** Prints every row of {@code rs}, or {@code (0 rows)}; returns the number of rows. */
  static int print(ResultSet rs, PrintStream out) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int columns = meta.getColumnCount();
    int nameWidth = 0;
    for (int i = 1; i <= columns; i++) {
      nameWidth = Math.max(nameWidth, meta.getColumnLabel(i).length());
    }
    int rows = 0;
    String[] values = new String[columns];
    while (rs.next()) {
      rows++;
      int valueWidth = 0;
      for (int i = 1; i <= columns; i++) {
        String value = rs.getString(i);
        values[i - 1] = value == null ? "" : value;
        valueWidth = Math.max(valueWidth, values[i - 1].length());
      }
      out.println(header(rows, nameWidth, valueWidth));
      for (int i = 1; i <= columns; i++) {
        out.println((pad(meta.getColumnLabel(i), nameWidth) + " | " + values[i - 1]).stripTrailing());
      }
    }
    if (rows == 0) {
      out.println("(0 rows)");
    }
    return rows;
  }

  private static String header(int record, int nameWidth, int valueWidth) {
    StringBuilder line = new StringBuilder("-[ RECORD ").append(record).append(" ]");
    while (line.length() < nameWidth + 1) {
      line.append('-');
    }
    line.append('+');
    line.append("-".repeat(Math.max(valueWidth + 1, 1)));
    return line.toString();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
