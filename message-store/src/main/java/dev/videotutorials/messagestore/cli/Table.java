package dev.videotutorials.messagestore.cli;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** A small query result held in memory: column names, which are numeric, and the rows as text. */
record Table(List<String> columns, List<Boolean> numeric, List<List<String>> rows) {

  static Table read(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<String> columns = new ArrayList<>();
    List<Boolean> numeric = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(meta.getColumnLabel(i));
      numeric.add(isNumeric(meta.getColumnType(i)));
    }
    List<List<String>> rows = new ArrayList<>();
    while (rs.next()) {
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= columns.size(); i++) {
        String value = rs.getString(i);
        row.add(value == null ? "" : value);
      }
      rows.add(row);
    }
    return new Table(columns, numeric, rows);
  }

  /** Sum of an integer column (blank cells count as 0). */
  long sum(String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("No column " + column);
    }
    long total = 0;
    for (List<String> row : rows) {
      String value = row.get(index);
      total += value.isEmpty() ? 0 : Long.parseLong(value);
    }
    return total;
  }

  private static boolean isNumeric(int type) {
    return switch (type) {
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.REAL -> true;
      default -> false;
    };
  }
}
