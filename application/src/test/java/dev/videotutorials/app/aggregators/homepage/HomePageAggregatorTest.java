package dev.videotutorials.app.aggregators.homepage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.app.components.testing.Eventually;
import dev.videotutorials.app.components.testing.Messages;
import dev.videotutorials.app.components.testing.RunningConsumers;
import dev.videotutorials.app.components.testing.ViewDatabase;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.consumer.Consumer;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The aggregator with its consumer running, including a full re-delivery of its category. */
class HomePageAggregatorTest {

  private static TestDatabase database;
  private static MessageStore store;
  private static HomePageView view;

  @BeforeAll
  static void startDatabase() {
    database = TestDatabase.withMessageStore();
    ViewDatabase.migrate(database.dataSource());
    store = new MessageStore(database.dataSource());
    view = new HomePageView(database.dataSource());
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  private static void viewVideo() {
    String videoId = Messages.newId();
    Messages.write(store, "viewing-" + videoId, "VideoViewed", JsonObject.of("videoId", videoId), Messages.traced(null));
  }

  private static long videosWatched() {
    try {
      return view.read().orElseThrow().videosWatched();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void countsEveryViewOnceEvenWhenAllAreDeliveredAgain() {
    HomePageAggregator aggregator = new HomePageAggregator(store, database.dataSource());
    List<Consumer> consumers = aggregator.consumers();
    assertThat(consumers).extracting(Consumer::subscriberId).containsExactly("aggregators:home-page");
    assertThat(consumers).extracting(Consumer::category).containsExactly("viewing");

    RunningConsumers first = RunningConsumers.start(consumers);
    try {
      viewVideo();
      viewVideo();
      viewVideo();
      Eventually.await("three views counted", () -> videosWatched() == 3);
    } finally {
      first.close();
    }

    first.resetPositions(store);
    try (RunningConsumers again = RunningConsumers.start(aggregator.consumers())) {
      viewVideo();
      Eventually.await("the fourth view counted", () -> videosWatched() >= 4);
      assertThat(videosWatched()).isEqualTo(4);
    }
  }
}
