package dev.videotutorials.messagestore.sql;

import static dev.videotutorials.messagestore.sql.Sql.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The six summary views: columns, counts, percent rounded to two places, ordering. */
class SummaryViewsTest {

  private static TestDatabase db;
  private static Connection c;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.withMessageStore();
    c = Sql.connect(db);
    // 6 messages: b-1: Opened, Opened, Closed; a-2: Opened; a: Opened; a:command-1: Open
    write(c, "b-1", "Opened");
    write(c, "a-2", "Opened");
    write(c, "b-1", "Opened");
    write(c, "a", "Opened");
    write(c, "b-1", "Closed");
    write(c, "a:command-1", "Open");
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    c.close();
    db.close();
  }

  private static List<String> view(String name, String... expectedColumns) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM message_store." + name)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(md.getColumnLabel(i) + ":" + md.getColumnTypeName(i));
      }
      assertThat(columns).containsExactly(expectedColumns);
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          values.add(v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v));
        }
        rows.add(String.join(" ", values));
      }
      return rows;
    }
  }

  @Test
  void streamSummary() throws Exception {
    assertThat(view("stream_summary", "stream_name:text", "message_count:int8", "percent:numeric"))
        .containsExactly("a 1 16.67", "a-2 1 16.67", "a:command-1 1 16.67", "b-1 3 50.00");
  }

  @Test
  void typeSummary() throws Exception {
    assertThat(view("type_summary", "type:text", "message_count:int8", "percent:numeric"))
        .containsExactly("Closed 1 16.67", "Open 1 16.67", "Opened 4 66.67");
  }

  @Test
  void streamTypeSummary() throws Exception {
    assertThat(view("stream_type_summary", "stream_name:text", "type:text", "message_count:int8", "percent:numeric"))
        .containsExactly("a Opened 1 16.67", "a-2 Opened 1 16.67", "a:command-1 Open 1 16.67",
            "b-1 Closed 1 16.67", "b-1 Opened 2 33.33");
  }

  @Test
  void typeStreamSummary() throws Exception {
    assertThat(view("type_stream_summary", "type:text", "stream_name:text", "message_count:int8", "percent:numeric"))
        .containsExactly("Closed b-1 1 16.67", "Open a:command-1 1 16.67", "Opened a 1 16.67",
            "Opened a-2 1 16.67", "Opened b-1 2 33.33");
  }

  @Test
  void categoryTypeSummary() throws Exception {
    assertThat(view("category_type_summary", "category:varchar", "type:text", "message_count:int8", "percent:numeric"))
        .containsExactly("a Opened 2 33.33", "a:command Open 1 16.67", "b Closed 1 16.67", "b Opened 2 33.33");
  }

  @Test
  void typeCategorySummary() throws Exception {
    assertThat(view("type_category_summary", "type:text", "category:varchar", "message_count:int8", "percent:numeric"))
        .containsExactly("Closed b 1 16.67", "Open a:command 1 16.67", "Opened a 2 33.33", "Opened b 2 33.33");
  }
}
