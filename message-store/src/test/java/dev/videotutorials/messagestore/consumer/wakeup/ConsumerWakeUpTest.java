package dev.videotutorials.messagestore.consumer.wakeup;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.consumer.Consumer;
import dev.videotutorials.messagestore.consumer.WakeUps;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Consumers whose poll interval is a minute, and whose fallback poll is a minute too, still
 * handle new messages within seconds: only a wake-up can have told them.
 */
class ConsumerWakeUpTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final WakeUpSettings ONLY_WAKE_UPS = WakeUpSettings.DEFAULTS.withFallbackPollInterval(MINUTE);

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private TestDatabase db;

  @BeforeEach
  void createDatabase() {
    db = TestDatabase.withMessageStore();
    resources.push(db);
  }

  @AfterEach
  void closeAll() throws Exception {
    while (!resources.isEmpty()) {
      resources.pop().close();
    }
  }

  @Test
  void aWriteThroughTheNotifyingStoreWakesTheConsumer() throws Exception {
    WakeUpChannel channel = listeningChannel(ONLY_WAKE_UPS);
    MessageStore store = channel.notifying(new MessageStore(db.dataSource()));
    HandledMessages handled = new HandledMessages();
    startConsumer(Consumer.builder(store, "wakeup-same-store").category("lesson"), handled, channel.wakeUps());

    assertWrittenMessagesAreHandled(store, "lesson-1", handled);
  }

  @Test
  void aWriterWithItsOwnPoolAndNotifierWakesTheConsumer() throws Exception {
    WakeUpChannel channel = listeningChannel(ONLY_WAKE_UPS);
    HandledMessages handled = new HandledMessages();
    startConsumer(Consumer.builder(new MessageStore(db.dataSource()), "wakeup-other-writer").category("lesson"),
        handled, channel.wakeUps());

    HikariDataSource writerPool = Databases.pool(db.connectionString(), "other-writer", 2);
    resources.push(writerPool);
    CommitNotifier writerNotifier = CommitNotifier.start(db.connectionString(), WakeUpSettings.DEFAULTS);
    resources.push(writerNotifier);

    assertWrittenMessagesAreHandled(new MessageStore(writerPool, writerNotifier), "lesson-2", handled);
  }

  @Test
  void aWriterInAnotherJvmWakesTheConsumer() throws Exception {
    WakeUpChannel channel = listeningChannel(ONLY_WAKE_UPS);
    MessageStore store = channel.notifying(new MessageStore(db.dataSource()));
    HandledMessages handled = new HandledMessages();
    startConsumer(Consumer.builder(store, "wakeup-child-jvm").category("lesson"), handled, channel.wakeUps());
    UUID first = write(store, "lesson-3");
    Eventually.within(DEADLINE, "the first message handled", () -> handled.contains(first));

    UUID second = UUID.randomUUID();
    Path output = Files.createTempFile("child-writer", ".log");
    assertThat(ChildProcessWriter.run(db.url(), "lesson-3", second, output))
        .as("child writer exit code; output in %s", output).isZero();

    Eventually.within(DEADLINE, "the message written by the other JVM handled", () -> handled.contains(second));
  }

  @Test
  void anAllMessagesConsumerIsWokenToo() throws Exception {
    WakeUpChannel channel = listeningChannel(ONLY_WAKE_UPS);
    MessageStore store = channel.notifying(new MessageStore(db.dataSource()));
    HandledMessages handled = new HandledMessages();
    startConsumer(Consumer.builder(store, "wakeup-all").allMessages(), handled, channel.wakeUps());

    assertWrittenMessagesAreHandled(store, "anything-1", handled);
  }

  @Test
  void withoutAListenConnectionTheConsumerPolls() throws Exception {
    ConnectionString nowhere = db.connectionString().withDatabase("no_such_database_for_listen");
    NotificationListener listener = NotificationListener.start(nowhere, WakeUpSettings.DEFAULTS);
    resources.push(listener);
    MessageStore store = new MessageStore(db.dataSource());
    HandledMessages handled = new HandledMessages();
    startConsumer(Consumer.builder(store, "wakeup-no-listen").category("lesson"), handled, listener);

    assertWrittenMessagesAreHandled(store, "lesson-4", handled);
    assertThat(listener.listening()).isFalse();
    assertThat(listener.connectionsOpened()).isZero();
  }

  @Test
  void afterTheListenerIsClosedTheConsumerPolls() throws Exception {
    WakeUpChannel channel = listeningChannel(WakeUpSettings.DEFAULTS);
    channel.listener().close();
    MessageStore store = new MessageStore(db.dataSource());
    HandledMessages handled = new HandledMessages();
    startConsumer(Consumer.builder(store, "wakeup-closed").category("lesson"), handled, channel.wakeUps());

    assertWrittenMessagesAreHandled(store, "lesson-5", handled);
    assertThat(channel.listener().listening()).isFalse();
  }

  @Test
  void writesThatAreNotAnnouncedAreFoundAtTheNextPoll() throws Exception {
    WakeUpChannel channel = listeningChannel(ONLY_WAKE_UPS);
    MessageStore silentStore = new MessageStore(db.dataSource());
    HandledMessages handled = new HandledMessages();
    startConsumer(Consumer.builder(silentStore, "wakeup-silent-writer").category("lesson"), handled,
        channel.wakeUps(), Duration.ofMillis(200));

    assertWrittenMessagesAreHandled(silentStore, "lesson-6", handled);
  }

  /**
   * The first message may be found by the consumer's first read; the second comes after that
   * read, so only a wake-up (or a poll) brings it.
   */
  private void assertWrittenMessagesAreHandled(MessageStore store, String streamName, HandledMessages handled)
      throws InterruptedException {
    UUID first = write(store, streamName);
    Eventually.within(DEADLINE, "the first message handled", () -> handled.contains(first));
    UUID second = write(store, streamName);
    Eventually.within(DEADLINE, "the second message handled", () -> handled.contains(second));
  }

  private WakeUpChannel listeningChannel(WakeUpSettings settings) throws InterruptedException {
    WakeUpChannel channel = WakeUpChannel.start(db.connectionString(), settings);
    resources.push(channel);
    Eventually.within(DEADLINE, "the listener listening", channel.listener()::listening);
    return channel;
  }

  private void startConsumer(Consumer.Builder builder, HandledMessages handled, WakeUps wakeUps) {
    startConsumer(builder, handled, wakeUps, MINUTE);
  }

  private void startConsumer(Consumer.Builder builder, HandledMessages handled, WakeUps wakeUps,
      Duration pollInterval) {
    Consumer consumer = builder.onAny(handled).wakeUps(wakeUps).pollInterval(pollInterval).build();
    consumer.start();
    resources.push(consumer::stop);
  }

  private static UUID write(MessageStore store, String streamName) {
    UUID id = UUID.randomUUID();
    store.write(streamName, NewMessage.of("Written", JsonObject.of("at", System.nanoTime())).withId(id));
    return id;
  }
}
