package dev.videotutorials.messagestore.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The client needs nothing but Message DB's public SQL interface: it works as the restricted
 * role {@code message_store} with nothing on the search path, and against Eventide's own
 * Message DB 1.3.
 */
class InterfaceOnlyTest {

  @Test
  void asTheRoleMessageStoreWithAnEmptySearchPath() throws Exception {
    try (TestDatabase db = TestDatabase.withMessageStore();
         HikariDataSource restricted = TestPools.withInitSql(db.connectionString(),
             "SET ROLE message_store; SET search_path = ''")) {
      assertThat(session(restricted, "SELECT current_user || ' [' || current_setting('search_path') || ']'"))
          .isEqualTo("message_store [\"\"]");

      ClientScenario scenario = new ClientScenario(new MessageStore(restricted));
      scenario.writeAndConflicts();
      scenario.streamReads();
      scenario.fetches();
      scenario.categoryReads();
      scenario.readAll();
    }
  }

  @Test
  void againstTheStockMessageDb() throws Exception {
    String unavailable = StockMessageDb.fetch();
    Assumptions.assumeTrue(unavailable == null,
        () -> "The stock Message DB (" + StockMessageDb.PACKAGE + ") is not available: " + unavailable);

    try (TestDatabase db = TestDatabase.empty()) {
      StockMessageDb.install(db.dataSource());
      // Its functions call each other unqualified: they work for the role message_store
      // because the default search_path starts with "$user", as in a stock deployment.
      try (HikariDataSource stock = TestPools.withInitSql(db.connectionString(), "SET ROLE message_store")) {
        assertThat(session(stock, "SELECT message_store.message_store_version()")).isEqualTo("1.3.0");
        assertThat(session(stock, "SELECT count(*) FROM pg_catalog.pg_proc WHERE proname = 'get_all_messages'"))
            .as("a stock install has no function of ours").isEqualTo("0");

        ClientScenario scenario = new ClientScenario(new MessageStore(stock));
        scenario.writeAndConflicts();
        scenario.streamReads();
        scenario.fetches();
        scenario.categoryReads();
      }
    }
  }

  private static String session(HikariDataSource dataSource, String sql) throws Exception {
    try (Connection connection = dataSource.getConnection();
         Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
