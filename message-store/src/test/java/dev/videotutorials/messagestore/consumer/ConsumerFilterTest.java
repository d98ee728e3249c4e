package dev.videotutorials.messagestore.consumer;

import static dev.videotutorials.messagestore.consumer.StoreFixtures.lastRecordedPosition;
import static dev.videotutorials.messagestore.consumer.StoreFixtures.writeAndRead;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConsumerFilterTest {

  private static TestDatabase database;
  private static MessageStore store;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.withMessageStore();
    store = new MessageStore(database.dataSource());
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  private static Message write(String stream, Metadata metadata) {
    return writeAndRead(store, stream, NewMessage.of("Sent", JsonObject.empty(), metadata));
  }

  private static Consumer.Builder recording(String subscriberId, String category, List<UUID> handled) {
    return Consumer.builder(store, subscriberId)
        .category(category)
        .on("Sent", message -> handled.add(message.id()))
        .batchSize(10)
        .positionUpdateInterval(Duration.ofMillis(50))
        .pollInterval(Duration.ofMillis(20));
  }

  @Test
  void theOriginFilterPassesOnlyMessagesWhoseOriginStreamIsInTheCategory() {
    Message fromIdentity = write("originEmail-1", Metadata.empty().withOriginStreamName("identity-123"));
    write("originEmail-2", Metadata.empty().withOriginStreamName("identityx-123"));
    write("originEmail-3", Metadata.empty().withOriginStreamName("identity:command-123"));
    write("originEmail-4", Metadata.empty());
    Message alsoFromIdentity = write("originEmail-5", Metadata.empty().withOriginStreamName("identity"));
    Message last = write("originEmail-6", Metadata.empty().withOriginStreamName("other-1"));
    List<UUID> handled = new CopyOnWriteArrayList<>();
    Consumer consumer = recording("origin-test", "originEmail", handled).originCategory("identity").build();
    consumer.start();
    Eventually.until("every message read", () -> consumer.position() == last.globalPosition());
    consumer.stop();
    assertThat(handled).containsExactly(fromIdentity.id(), alsoFromIdentity.id());
  }

  @Test
  void aBatchWhollyFilteredOutByOriginStillAdvancesTheRecordedPosition() {
    Message last = null;
    for (int i = 0; i < 25; i++) {
      last = write("originSkip-" + i, Metadata.empty().withOriginStreamName("other-" + i));
    }
    long lastPosition = last.globalPosition();
    List<UUID> handled = new CopyOnWriteArrayList<>();
    Consumer consumer = recording("origin-skip-test", "originSkip", handled).originCategory("identity").build();
    consumer.start();
    Eventually.until("the position recorded past every filtered message",
        () -> lastRecordedPosition(store, "subscriberPosition-origin-skip-test") == lastPosition);
    consumer.stop();
    assertThat(handled).isEmpty();
  }

  @Test
  void theCorrelationFilterPassesOnlyMessagesCorrelatedToTheCategory() {
    Message correlated = write("task-1", Metadata.empty().withCorrelationStreamName("caller-1"));
    write("task-2", Metadata.empty().withCorrelationStreamName("othercaller-1"));
    write("task-3", Metadata.empty());
    Message alsoCorrelated = write("task-4", Metadata.empty().withCorrelationStreamName("caller-2"));
    List<UUID> handled = new CopyOnWriteArrayList<>();
    Consumer consumer = recording("correlation-test", "task", handled).correlation("caller").build();
    consumer.start();
    Eventually.until("both correlated messages handled", () -> handled.size() == 2);
    Message laterCorrelated = write("task-5", Metadata.empty().withCorrelationStreamName("caller-3"));
    write("task-6", Metadata.empty().withCorrelationStreamName("else-3"));
    Eventually.until("the later one handled", () -> handled.size() == 3);
    consumer.stop();
    assertThat(handled).containsExactly(correlated.id(), alsoCorrelated.id(), laterCorrelated.id());
  }

  @Test
  void readsWhollyFilteredOutByCorrelationStillAdvanceTheRecordedPosition() {
    Message last = null;
    for (int i = 0; i < 30; i++) {
      last = write("uncorrelated-" + i, Metadata.empty().withCorrelationStreamName("nobody-" + i));
    }
    long lastPosition = last.globalPosition();
    List<UUID> handled = new CopyOnWriteArrayList<>();
    Consumer consumer = recording("uncorrelated-test", "uncorrelated", handled).correlation("caller").build();
    consumer.start();
    Eventually.until("the position recorded past every filtered message",
        () -> lastRecordedPosition(store, "subscriberPosition-uncorrelated-test") >= lastPosition);
    consumer.stop();
    assertThat(handled).isEmpty();
    assertThat(consumer.position()).isGreaterThanOrEqualTo(lastPosition);
  }
}
