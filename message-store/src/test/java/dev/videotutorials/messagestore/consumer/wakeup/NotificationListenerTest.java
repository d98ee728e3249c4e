package dev.videotutorials.messagestore.consumer.wakeup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.consumer.Consumer;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

class NotificationListenerTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final WakeUpSettings ONLY_WAKE_UPS = WakeUpSettings.DEFAULTS
      .withFallbackPollInterval(MINUTE)
      .withHeldBackWindow(Duration.ofSeconds(30))
      .withApplicationNames("listener-under-test", "notifier-under-test");

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private TestDatabase db;
  private WakeUpChannel channel;
  private MessageStore store;

  @BeforeEach
  void startChannel() throws InterruptedException {
    db = TestDatabase.withMessageStore();
    resources.push(db);
    channel = WakeUpChannel.start(db.connectionString(), ONLY_WAKE_UPS);
    resources.push(channel);
    store = channel.notifying(new MessageStore(db.dataSource()));
    Eventually.within(DEADLINE, "the listener listening", channel.listener()::listening);
  }

  @AfterEach
  void closeAll() throws Exception {
    while (!resources.isEmpty()) {
      resources.pop().close();
    }
  }

  @Test
  void theNotificationComesFromTheNotifierConnectionAfterTheCommitNotFromTheWriter() throws Exception {
    try (Connection observer = Databases.connect(db.connectionString())) {
      listen(observer);

      store.write("course-1", NewMessage.of("Written", JsonObject.of("n", 1)));

      PGNotification notification = nextNotification(observer);
      assertThat(notification.getName()).isEqualTo(WakeUpChannel.CHANNEL);
      assertThat(notification.getParameter()).isEqualTo("course");
      assertThat(notification.getPID()).isEqualTo(backendPid("notifier-under-test"));
      assertThat(writerBackendPids()).isNotEmpty().doesNotContain(notification.getPID());
    }
  }

  @Test
  void aWriteInTheCallersTransactionIsAnnouncedByTheNotifierOnceTheCallerSaysItCommitted() throws Exception {
    try (Connection observer = Databases.connect(db.connectionString());
         Connection writer = db.dataSource().getConnection()) {
      listen(observer);
      writer.setAutoCommit(false);
      MessageStore.write(writer, "course-2", NewMessage.of("Written", JsonObject.of("n", 2)), null);
      writer.commit();
      writer.setAutoCommit(true);
      store.committed("course-2");

      PGNotification notification = nextNotification(observer);
      assertThat(notification.getParameter()).isEqualTo("course");
      assertThat(notification.getPID()).isEqualTo(backendPid("notifier-under-test"));
    }
  }

  @Test
  void afterItsConnectionIsKilledTheListenerReconnectsAndWakesConsumersAgain() throws Exception {
    HandledMessages handled = new HandledMessages();
    startConsumer("after-kill", "course", handled);
    UUID before = write("course-3");
    Eventually.within(DEADLINE, "a message handled before the kill", () -> handled.contains(before));

    terminateBackend(backendPid("listener-under-test"));
    Eventually.within(DEADLINE, "the listener back", () ->
        channel.listener().connectionsOpened() >= 2 && channel.listener().listening());

    UUID after = write("course-3");
    Eventually.within(DEADLINE, "a message written after the reconnection handled", () -> handled.contains(after));
  }

  @Test
  void aKilledNotifierConnectionIsReplacedWithoutLosingTheAnnouncement() throws Exception {
    HandledMessages handled = new HandledMessages();
    startConsumer("after-notifier-kill", "course", handled);
    UUID before = write("course-4");
    Eventually.within(DEADLINE, "a message handled before the kill", () -> handled.contains(before));

    terminateBackend(backendPid("notifier-under-test"));

    UUID after = write("course-4");
    Eventually.within(DEADLINE, "a message written after the kill handled", () -> handled.contains(after));
  }

  @Test
  void aMessageHeldBackByAnotherCategorysOpenTransactionIsFoundWhenThatOneCommits() throws Exception {
    HandledMessages handled = new HandledMessages();
    startConsumer("held-back", "held", handled);
    try (Connection slowWriter = db.dataSource().getConnection()) {
      slowWriter.setAutoCommit(false);
      MessageStore.write(slowWriter, "slow-1", NewMessage.of("Written", JsonObject.of("n", 1)), null);

      long beforeHeld = channel.wakeUps().version("held");
      UUID held = write("held-1");
      Eventually.within(DEADLINE, "the listener told of the held-back write",
          () -> channel.wakeUps().version("held") > beforeHeld);
      long seen = channel.wakeUps().version("held");

      slowWriter.commit();
      store.committed("slow-1");

      Eventually.within(DEADLINE, "the consumer of the held-back category woken again",
          () -> channel.wakeUps().version("held") > seen);
      Eventually.within(DEADLINE, "the held-back message handled", () -> handled.contains(held));
    }
  }

  @Test
  void hostileOrEmptyPayloadsDoNotStopTheListenerAndAnEmptyOneWakesEveryone() throws Exception {
    long before = channel.wakeUps().version("anything");
    try (Connection stranger = Databases.connect(db.connectionString());
         PreparedStatement notify = stranger.prepareStatement("SELECT pg_notify(?, ?)")) {
      for (String payload : List.of("x".repeat(7_990), "'; DROP TABLE message_store.messages; --", "\u0000?\u2028",
          "")) {
        notify.setString(1, WakeUpChannel.CHANNEL);
        notify.setString(2, payload.replace("\u0000", ""));
        notify.executeQuery().close();
      }
    }

    Eventually.within(DEADLINE, "every category woken by the empty payload",
        () -> channel.wakeUps().version("anything") > before);
    assertThat(channel.listener().listening()).isTrue();
    HandledMessages handled = new HandledMessages();
    startConsumer("after-hostile", "course", handled);
    UUID id = write("course-5");
    Eventually.within(DEADLINE, "a message handled after the hostile payloads", () -> handled.contains(id));
  }

  @Test
  void aCategoryTooLongForAPayloadIsAnnouncedAsAnyCategory() throws Exception {
    try (Connection observer = Databases.connect(db.connectionString())) {
      listen(observer);

      channel.notifier().written("c".repeat(8_000) + "-1");

      assertThat(nextNotification(observer).getParameter()).isEmpty();
    }
  }

  private void startConsumer(String subscriberId, String category, HandledMessages handled) {
    Consumer consumer = Consumer.builder(store, subscriberId).category(category).onAny(handled)
        .pollInterval(MINUTE).wakeUps(channel.wakeUps()).build();
    consumer.start();
    resources.push(consumer::stop);
  }

  private UUID write(String streamName) {
    UUID id = UUID.randomUUID();
    store.write(streamName, NewMessage.of("Written", JsonObject.of("n", 1)).withId(id));
    return id;
  }

  private static void listen(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("LISTEN " + WakeUpChannel.CHANNEL);
    }
  }

  private static PGNotification nextNotification(Connection connection) throws SQLException {
    PGNotification[] received = connection.unwrap(PGConnection.class)
        .getNotifications((int) DEADLINE.toMillis());
    assertThat(received).as("notifications within %s", DEADLINE).isNotEmpty();
    return received[0];
  }

  private int backendPid(String applicationName) throws SQLException {
    try (Connection connection = db.dataSource().getConnection();
         PreparedStatement query = connection.prepareStatement(
             "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = ?")) {
      query.setString(1, applicationName);
      try (ResultSet rs = query.executeQuery()) {
        assertThat(rs.next()).as("a backend named %s", applicationName).isTrue();
        int pid = rs.getInt(1);
        assertThat(rs.next()).as("a single backend named %s", applicationName).isFalse();
        return pid;
      }
    }
  }

  /** The backends of the store's pool: every connection of the database but the channel's. */
  private List<Integer> writerBackendPids() throws SQLException {
    List<Integer> pids = new ArrayList<>();
    try (Connection connection = db.dataSource().getConnection();
         Statement query = connection.createStatement();
         ResultSet rs = query.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
             + " AND application_name NOT IN ('listener-under-test', 'notifier-under-test')")) {
      while (rs.next()) {
        pids.add(rs.getInt(1));
      }
    }
    return pids;
  }

  private void terminateBackend(int pid) throws SQLException {
    try (Connection connection = db.dataSource().getConnection();
         PreparedStatement terminate = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
      terminate.setInt(1, pid);
      try (ResultSet rs = terminate.executeQuery()) {
        rs.next();
        assertThat(rs.getBoolean(1)).as("backend %s terminated", pid).isTrue();
      }
    }
  }
}
