package dev.videotutorials.app.aggregators.homepage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.app.components.testing.Messages;
import dev.videotutorials.app.components.testing.ViewDatabase;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HomePageViewTest {

  private static TestDatabase database;
  private static MessageStore store;
  private static HomePageAggregator aggregator;
  private static HomePageView view;

  @BeforeAll
  static void startDatabase() {
    database = TestDatabase.withMessageStore();
    ViewDatabase.migrate(database.dataSource());
    store = new MessageStore(database.dataSource());
    aggregator = new HomePageAggregator(store, database.dataSource());
    view = new HomePageView(database.dataSource());
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  @BeforeEach
  void emptyHomePage() throws Exception {
    execute("UPDATE pages SET page_data = '{\"videosWatched\": 0, \"lastViewProcessed\": 0}' WHERE page_name = 'home'");
  }

  private static void execute(String sql) throws Exception {
    try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static Message videoViewed() {
    String videoId = Messages.newId();
    return Messages.write(store, "viewing-" + videoId, "VideoViewed", JsonObject.of("videoId", videoId), Metadata.empty());
  }

  @Test
  void theMigrationCreatesTheHomePageRow() throws Exception {
    TestDatabase fresh = TestDatabase.empty();
    try {
      ViewDatabase.migrate(fresh.dataSource());
      assertThat(new HomePageView(fresh.dataSource()).read()).contains(new HomePage(0, 0));
    } finally {
      fresh.close();
    }
  }

  @Test
  void countsAView() throws Exception {
    Message viewed = videoViewed();

    aggregator.handleVideoViewed(viewed);

    assertThat(view.read()).contains(new HomePage(1, viewed.globalPosition()));
  }

  @Test
  void aRedeliveredViewCountsOnce() throws Exception {
    Message first = videoViewed();
    Message second = videoViewed();

    aggregator.handleVideoViewed(first);
    aggregator.handleVideoViewed(first);
    aggregator.handleVideoViewed(second);
    aggregator.handleVideoViewed(first);
    aggregator.handleVideoViewed(second);

    assertThat(view.read()).contains(new HomePage(2, second.globalPosition()));
  }

  @Test
  void keepsOtherPageData() throws Exception {
    execute("UPDATE pages SET page_data = page_data || '{\"banner\": \"hello\"}' WHERE page_name = 'home'");

    aggregator.handleVideoViewed(videoViewed());

    try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
         var rs = statement.executeQuery("SELECT page_data ->> 'banner' FROM pages WHERE page_name = 'home'")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("hello");
    }
  }

  @Test
  void recreatesAMissingRow() throws Exception {
    execute("DELETE FROM pages WHERE page_name = 'home'");
    Message viewed = videoViewed();

    aggregator.handleVideoViewed(viewed);
    aggregator.handleVideoViewed(viewed);

    assertThat(view.read()).contains(new HomePage(1, viewed.globalPosition()));
  }

  @Test
  void globalPositionsBeyondIntegerRangeCount() throws Exception {
    long big = 5_000_000_000L;

    view.countView(big);
    view.countView(big + 1);
    view.countView(big);

    assertThat(view.read()).contains(new HomePage(2, big + 1));
  }
}
