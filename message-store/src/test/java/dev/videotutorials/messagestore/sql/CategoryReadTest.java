package dev.videotutorials.messagestore.sql;

import static dev.videotutorials.messagestore.sql.Sql.error;
import static dev.videotutorials.messagestore.sql.Sql.exec;
import static dev.videotutorials.messagestore.sql.Sql.messages;
import static dev.videotutorials.messagestore.sql.Sql.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.sql.Sql.Message;
import dev.videotutorials.messagestore.sql.Sql.PgError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** get_category_messages (without consumer groups) and get_all_messages. */
class CategoryReadTest extends SqlTestCase {

  @Test
  void readsTheCategoryInGlobalOrderFromPositionOne() throws Exception {
    String category = Sql.category("account");
    List<String> expected = new ArrayList<>();
    expected.add(write(c, category + "-1", "Opened"));
    write(c, category + ":command-1", "Open");
    write(c, "other" + category + "-1", "Noise");
    expected.add(write(c, category + "-2", "Opened"));
    expected.add(write(c, category, "NamedLikeTheCategory"));
    write(c, category + "x-1", "Noise");
    expected.add(write(c, category + "-1+abc", "Compound"));
    expected.add(write(c, category + "-1", "Deposited"));

    List<Message> rows = messages(c, "SELECT * FROM message_store.get_category_messages(?)", category);
    assertThat(rows).extracting(Message::id).containsExactlyElementsOf(expected);
    assertThat(rows).extracting(Message::globalPosition).isSorted().doesNotHaveDuplicates();
    assertThat(rows).extracting(Message::streamName)
        .containsExactly(category + "-1", category + "-2", category, category + "-1+abc", category + "-1");
    assertThat(rows.get(4).position()).isEqualTo(1);

    // account:command is a category of its own.
    assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(?)", category + ":command"))
        .extracting(Message::streamName).containsExactly(category + ":command-1");
    // Explicit position 1 and position 0 give the same as the default.
    assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(?, ?)", category, 1)).isEqualTo(rows);
    assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(?, ?)", category, 0)).isEqualTo(rows);
    assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(?, ?, ?)", category, null, null)).isEqualTo(rows);
  }

  @Test
  void positionIsAGlobalPositionAndPagingByLastPlusOneSeesEverything() throws Exception {
    String category = Sql.category("paging");
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      written.add(write(c, category + "-" + (i % 3), "T"));
      write(c, Sql.category("noise") + "-1", "Noise");
    }
    List<Message> all = messages(c, "SELECT * FROM message_store.get_category_messages(?)", category);
    List<Message> fromThird = messages(c, "SELECT * FROM message_store.get_category_messages(category => ?, \"position\" => ?)",
        category, all.get(2).globalPosition());
    assertThat(fromThird).isEqualTo(all.subList(2, 7));

    List<String> paged = new ArrayList<>();
    long position = 1;
    while (true) {
      List<Message> batch = messages(c, "SELECT * FROM message_store.get_category_messages(?, ?, ?)", category, position, 2);
      assertThat(batch.size()).isLessThanOrEqualTo(2);
      if (batch.isEmpty()) {
        break;
      }
      batch.forEach(m -> paged.add(m.id()));
      position = batch.get(batch.size() - 1).globalPosition() + 1;
    }
    assertThat(paged).containsExactlyElementsOf(written);
  }

  @Test
  void batchSizes() throws Exception {
    String category = Sql.category("batch");
    exec(c, "SELECT message_store.write_message(gen_random_uuid()::varchar, '" + category
        + "-' || (i % 7), 'Many', '{}') FROM generate_series(1, 1001) i");
    assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(?)", category)).hasSize(1000);
    assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(?, ?, ?)", category, 1, null)).hasSize(1000);
    assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(?, ?, ?)", category, 1, -1)).hasSize(1001);
    assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(category => ?, batch_size => ?)", category, 3))
        .hasSize(3);
    assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(?, ?, ?)", category, 1, 0)).isEmpty();
    PgError negative = error(() -> messages(c, "SELECT * FROM message_store.get_category_messages(?, ?, ?)", category, 1, -2));
    assertThat(negative.sqlState()).isEqualTo("2201W");
    assertThat(negative.message()).isEqualTo("LIMIT must not be negative");
  }

  @Test
  void aStreamNameIsNotACategory() throws Exception {
    PgError e = error(() -> messages(c, "SELECT * FROM message_store.get_category_messages(?)", "account-123"));
    assertThat(e.sqlState()).isEqualTo("P0001");
    assertThat(e.message()).isEqualTo("Must be a category: account-123");
    // A NULL category passes the check (is_category(NULL) is true) and matches nothing.
    assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(?)", (Object) null)).isEmpty();
  }

  @Test
  void correlationKeepsOnlyMessagesWhoseCorrelationStreamIsInTheCategory() throws Exception {
    String category = Sql.category("corr");
    String other = Sql.category("other");
    List<String> expected = new ArrayList<>();
    expected.add(writeCorrelated(category + "-1", "{\"correlationStreamName\": \"" + other + "-123\"}"));
    writeCorrelated(category + "-1", "{\"correlationStreamName\": \"" + other + "x-123\"}");
    writeCorrelated(category + "-2", null);
    writeCorrelated(category + "-2", "{\"someOtherKey\": \"" + other + "-1\"}");
    expected.add(writeCorrelated(category + "-3", "{\"correlationStreamName\": \"" + other + "\"}"));
    expected.add(writeCorrelated(category + "-3", "{\"correlationStreamName\": \"" + other + "-9+x\", \"a\": 1}"));
    writeCorrelated(other + "-1", "{\"correlationStreamName\": \"" + other + "-1\"}");

    assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(?, ?, ?, ?)", category, 1, 1000, other))
        .extracting(Message::id).containsExactlyElementsOf(expected);
    assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(category => ?, correlation => ?)", category, other))
        .extracting(Message::id).containsExactlyElementsOf(expected);
    assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(category => ?, correlation => ?)", category, "nobody"))
        .isEmpty();
    // NULL correlation: no filter.
    assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(?, ?, ?, ?)", category, 1, 1000, null)).hasSize(6);

    PgError e = error(() -> messages(c, "SELECT * FROM message_store.get_category_messages(category => ?, correlation => ?)",
        category, other + "-123"));
    assertThat(e.sqlState()).isEqualTo("P0001");
    assertThat(e.message()).isEqualTo("Correlation must be a category (Correlation: " + other + "-123)");
    // The category check comes first.
    assertThat(error(() -> messages(c, "SELECT * FROM message_store.get_category_messages(category => ?, correlation => ?)",
        category + "-1", other + "-123")).message()).isEqualTo("Must be a category: " + category + "-1");
  }

  private String writeCorrelated(String stream, String metadata) throws Exception {
    String id = Sql.newId();
    write(c, id, stream, "T", "{}", metadata, null);
    return id;
  }

  @Test
  void conditionOnCategoryReads() throws Exception {
    String category = Sql.category("cond");
    write(c, category + "-1", "A");
    String b = write(c, category + "-2", "B");
    write(c, category + "-1", "A");
    String sql = "SELECT * FROM message_store.get_category_messages(category => ?, condition => ?)";
    assertThat(error(() -> messages(c, sql, category, "type = 'B'")).message())
        .isEqualTo("Retrieval with SQL condition is not activated");
    exec(c, "SET message_store.sql_condition = off");
    PgError off = error(() -> messages(c, sql, category, "type = 'B'"));
    assertThat(off.sqlState()).isEqualTo("P0001");
    assertThat(off.message()).isEqualTo("Retrieval with SQL condition is not activated");
    exec(c, "SET message_store.sql_condition = on");
    assertThat(messages(c, sql, category, "type = 'B'")).extracting(Message::id).containsExactly(b);
    assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(?, ?, ?, ?, ?, ?, ?)",
        category, 1, 1000, null, null, null, "position = 1")).extracting(Message::type).containsExactly("A");
    assertThat(messages(c, sql, category, null)).hasSize(3);
  }

  @Test
  void conditionCombinedWithCorrelation() throws Exception {
    exec(c, "SET message_store.sql_condition = on");
    String category = Sql.category("condCorr");
    String wanted = Sql.newId();
    write(c, wanted, category + "-1", "Wanted", "{}", "{\"correlationStreamName\": \"reply-1\"}", null);
    write(c, Sql.newId(), category + "-1", "Unwanted", "{}", "{\"correlationStreamName\": \"reply-1\"}", null);
    write(c, Sql.newId(), category + "-1", "Wanted", "{}", null, null);
    assertThat(messages(c, "SELECT * FROM message_store.get_category_messages(category => ?, correlation => ?, condition => ?)",
        category, "reply", "type = 'Wanted'")).extracting(Message::id).containsExactly(wanted);
  }

  @Test
  void allMessagesAcrossCategoriesInGlobalOrder() throws Exception {
    List<Message> before = messages(c, "SELECT * FROM message_store.get_all_messages(?, ?)", 1, -1);
    long start = before.isEmpty() ? 1 : before.get(before.size() - 1).globalPosition() + 1;
    List<String> written = new ArrayList<>();
    written.add(write(c, Sql.category("allA") + "-1", "A"));
    written.add(write(c, Sql.category("allB"), "B"));
    written.add(write(c, Sql.category("allC") + ":command-1", "C"));
    written.add(write(c, Sql.category("allA") + "-2", "A"));

    assertThat(messages(c, "SELECT * FROM message_store.get_all_messages(?)", start))
        .extracting(Message::id).containsExactlyElementsOf(written);
    assertThat(messages(c, "SELECT * FROM message_store.get_all_messages(\"position\" => ?, batch_size => ?)", start, 2))
        .extracting(Message::id).containsExactlyElementsOf(written.subList(0, 2));
    assertThat(messages(c, "SELECT * FROM message_store.get_all_messages(batch_size => ?)", 0)).isEmpty();
    assertThat(messages(c, "SELECT * FROM message_store.get_all_messages(?, ?)", null, null))
        .hasSize(Math.min(1000, before.size() + 4));
    List<Message> everything = messages(c, "SELECT * FROM message_store.get_all_messages()");
    assertThat(everything).extracting(Message::globalPosition).isSorted().doesNotHaveDuplicates();
    assertThat(everything.get(0)).isEqualTo(messages(c, "SELECT * FROM message_store.get_all_messages(?, ?)", 1, 1).get(0));
    PgError negative = error(() -> messages(c, "SELECT * FROM message_store.get_all_messages(?, ?)", 1, -2));
    assertThat(negative.sqlState()).isEqualTo("2201W");
    assertThat(negative.message()).isEqualTo("LIMIT must not be negative");
  }
}
