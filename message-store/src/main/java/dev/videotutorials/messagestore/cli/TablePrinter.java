package dev.videotutorials.messagestore.cli;

import java.io.PrintStream;
import java.util.List;

/** Prints a {@link Table} the way psql's aligned format does, numbers right-aligned, with a row count. */
final class TablePrinter {

  private TablePrinter() {
  }

  static void print(Table table, PrintStream out) {
    List<String> columns = table.columns();
    int[] widths = new int[columns.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = columns.get(c).length();
      for (List<String> row : table.rows()) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder header = new StringBuilder();
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      header.append(c == 0 ? " " : " | ").append(center(columns.get(c), widths[c]));
      rule.append(c == 0 ? "-" : "-+-").append("-".repeat(widths[c]));
    }
    out.println(header.toString().stripTrailing());
    out.println(rule.append('-'));
    for (List<String> row : table.rows()) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < widths.length; c++) {
        String value = row.get(c);
        line.append(c == 0 ? " " : " | ")
            .append(table.numeric().get(c) ? padLeft(value, widths[c]) : padRight(value, widths[c]));
      }
      out.println(line.toString().stripTrailing());
    }
    int count = table.rows().size();
    out.println("(" + count + (count == 1 ? " row)" : " rows)"));
  }

  private static String center(String text, int width) {
    int left = (width - text.length()) / 2;
    return padRight(" ".repeat(left) + text, width);
  }

  private static String padLeft(String text, int width) {
    return " ".repeat(Math.max(0, width - text.length())) + text;
  }

  private static String padRight(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
