package dev.videotutorials.app.aggregators.homepage;

import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.consumer.Consumer;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/** Counts video views for the home page. See CONTRACT.md. */
public final class HomePageAggregator {

  public static final String SUBSCRIBER_ID = "aggregators:home-page";
  public static final String CATEGORY = "viewing";
  public static final String VIDEO_VIEWED = "VideoViewed";

  private final MessageStore store;
  private final HomePageView view;

  public HomePageAggregator(MessageStore store, DataSource viewDatabase) {
    this.store = Objects.requireNonNull(store, "store");
    this.view = new HomePageView(viewDatabase);
  }

  public void handleVideoViewed(Message videoViewed) throws SQLException {
    view.countView(videoViewed.globalPosition());
  }

  /** New consumers of the aggregator's subscription, not started. */
  public List<Consumer> consumers() {
    return List.of(Consumer.builder(store, SUBSCRIBER_ID)
        .category(CATEGORY)
        .on(VIDEO_VIEWED, this::handleVideoViewed)
        .build());
  }
}
