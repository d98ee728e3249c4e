package dev.videotutorials.messagestore.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads back what the tool printed: expanded records and aligned tables. */
final class PrintedOutput {

  private PrintedOutput() {
  }

  /** Each {@code -[ RECORD n ]} block as column name to value, in order. */
  static List<Map<String, String>> records(String out) {
    List<Map<String, String>> records = new ArrayList<>();
    Map<String, String> current = null;
    for (String line : out.lines().toList()) {
      if (line.startsWith("-[ RECORD ")) {
        current = new LinkedHashMap<>();
        records.add(current);
      } else if (current != null && line.contains(" | ")) {
        int bar = line.indexOf(" | ");
        current.put(line.substring(0, bar).trim(), line.substring(bar + 3));
      } else if (current != null && line.endsWith(" |")) {
        current.put(line.substring(0, line.length() - 2).trim(), "");
      }
    }
    return records;
  }

  /** The data rows of an aligned table, cells trimmed. */
  static List<List<String>> tableRows(String out) {
    List<String> lines = out.lines().toList();
    int rule = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches("-+(\\+-+)*")) {
        rule = i;
        break;
      }
    }
    if (rule < 0) {
      throw new AssertionError("No table in:\n" + out);
    }
    List<List<String>> rows = new ArrayList<>();
    for (String line : lines.subList(rule + 1, lines.size())) {
      if (line.matches("\\(\\d+ rows?\\)")) {
        return rows;
      }
      List<String> cells = new ArrayList<>();
      for (String cell : line.split("\\|", -1)) {
        cells.add(cell.trim());
      }
      rows.add(cells);
    }
    throw new AssertionError("No row count after the table in:\n" + out);
  }

  /** The column names of an aligned table. */
  static List<String> tableHeader(String out) {
    String header = out.lines().findFirst().orElseThrow();
    List<String> names = new ArrayList<>();
    for (String cell : header.split("\\|")) {
      names.add(cell.trim());
    }
    return names;
  }
}
