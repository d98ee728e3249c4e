package dev.videotutorials.app.aggregators.usercredentials;

import static dev.videotutorials.app.components.testing.Messages.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.app.components.testing.Eventually;
import dev.videotutorials.app.components.testing.Messages;
import dev.videotutorials.app.components.testing.RunningConsumers;
import dev.videotutorials.app.components.testing.ViewDatabase;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.consumer.Consumer;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UserCredentialsAggregatorTest {

  private static final String HASH = "$2b$10$abcdefghijklmnopqrstuuM0YqVvW1zZ6o5q3Dd6c8yJ2lC3kTqF.";

  private static TestDatabase database;
  private static MessageStore store;
  private static UserCredentialsAggregator aggregator;
  private static UserCredentialsView view;

  @BeforeAll
  static void startDatabase() {
    database = TestDatabase.withMessageStore();
    ViewDatabase.migrate(database.dataSource());
    store = new MessageStore(database.dataSource());
    aggregator = new UserCredentialsAggregator(store, database.dataSource());
    view = new UserCredentialsView(database.dataSource());
  }

  @AfterAll
  static void closeDatabase() {
    database.close();
  }

  private static Message registered(String userId, JsonObject data) {
    return Messages.write(store, "identity-" + userId, "Registered", data, Messages.traced(userId));
  }

  private static Message registered(String userId, String email) {
    return registered(userId, JsonObject.of("userId", userId, "email", email, "passwordHash", HASH));
  }

  private static long rows() {
    try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT count(*) FROM user_credentials")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void insertsTheCredentialsOnce() throws Exception {
    String userId = newId();
    String email = "cred-" + newId() + "@example.com";
    Message event = registered(userId, email);
    long before = rows();

    aggregator.handleRegistered(event);
    aggregator.handleRegistered(event);

    assertThat(view.byId(userId)).contains(new UserCredential(userId, email, HASH));
    assertThat(rows()).isEqualTo(before + 1);
  }

  @Test
  void aSecondUserWithTheSameEmailDoesNotStopTheAggregator() throws Exception {
    String email = "shared-" + newId() + "@example.com";
    String first = newId();
    String second = newId();
    aggregator.handleRegistered(registered(first, email));

    aggregator.handleRegistered(registered(second, email));

    assertThat(view.byId(first)).isPresent();
    assertThat(view.byId(second)).isEmpty();
  }

  @Test
  void skipsEventsMissingFields() throws Exception {
    String userId = newId();

    aggregator.handleRegistered(registered(userId, JsonObject.of("userId", userId, "email", "x-" + newId() + "@example.com")));

    assertThat(view.byId(userId)).isEmpty();
  }

  @Test
  void withItsConsumerRunningEveryUserHasOneRowEvenWhenAllIsDeliveredAgain() throws Exception {
    UserCredentialsAggregator running = new UserCredentialsAggregator(store, database.dataSource());
    assertThat(running.consumers()).extracting(Consumer::subscriberId).containsExactly("aggregators:user-credentials");
    assertThat(running.consumers()).extracting(Consumer::category).containsExactly("identity");
    String userId = newId();

    RunningConsumers first = RunningConsumers.start(running.consumers());
    try {
      registered(userId, "running-" + newId() + "@example.com");
      Eventually.await("the credentials row", () -> byId(userId));
    } finally {
      first.close();
    }
    long rowsBefore = rows();

    first.resetPositions(store);
    try (RunningConsumers again = RunningConsumers.start(running.consumers())) {
      String marker = newId();
      registered(marker, "marker-" + newId() + "@example.com");
      Eventually.await("the marker's credentials row", () -> byId(marker));
      assertThat(rows()).isEqualTo(rowsBefore + 1);
    }
  }

  private static boolean byId(String userId) {
    try {
      return view.byId(userId).isPresent();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
