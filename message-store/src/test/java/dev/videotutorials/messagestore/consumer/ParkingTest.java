package dev.videotutorials.messagestore.consumer;

import static dev.videotutorials.messagestore.consumer.StoreFixtures.execute;
import static dev.videotutorials.messagestore.consumer.StoreFixtures.writeAndRead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ParkingTest {

  private static final RetryPolicy THREE_QUICK_TRIES =
      RetryPolicy.attempts(3).withBackoff(Duration.ofMillis(1), Duration.ofMillis(5));

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

  /** Handles "Good" messages, fails "Bad" ones until told to heal; records both. */
  private static final class Handlers {
    final List<UUID> handled = new CopyOnWriteArrayList<>();
    final AtomicInteger badAttempts = new AtomicInteger();
    final AtomicBoolean healed = new AtomicBoolean();

    Consumer consumer(String subscriberId, String category) {
      return Consumer.builder(store, subscriberId)
          .category(category)
          .on("Good", message -> handled.add(message.id()))
          .on("Bad", message -> {
            badAttempts.incrementAndGet();
            if (!healed.get()) {
              throw new IllegalStateException("cannot handle " + message.id());
            }
            handled.add(message.id());
          })
          .retryPolicy(THREE_QUICK_TRIES)
          .pollInterval(Duration.ofMillis(20))
          .build();
    }
  }

  private static Message write(String stream, String type) {
    return writeAndRead(store, stream, NewMessage.of(type, JsonObject.of("at", stream),
        Metadata.empty().withTraceId("trace-" + type)));
  }

  @Test
  void aPoisonMessageIsRetriedThenParkedAndTheConsumerGoesOn() {
    Handlers handlers = new Handlers();
    Message poison = write("poison-1", "Bad");
    Message next = write("poison-2", "Good");
    Message afterThat = write("poison-3", "Good");
    Consumer consumer = handlers.consumer("poison-test", "poison");
    consumer.start();

    Eventually.until("the messages after the poison handled", () -> handlers.handled.size() == 2);
    assertThat(handlers.handled).containsExactly(next.id(), afterThat.id());
    assertThat(handlers.badAttempts).hasValue(3);
    List<ParkedMessage> parked = consumer.parkedMessages().list();
    assertThat(parked).hasSize(1);
    ParkedMessage record = parked.get(0);
    assertThat(record.messageId()).isEqualTo(poison.id());
    assertThat(record.streamName()).isEqualTo("poison-1");
    assertThat(record.position()).isEqualTo(0);
    assertThat(record.globalPosition()).isEqualTo(poison.globalPosition());
    assertThat(record.type()).isEqualTo("Bad");
    assertThat(record.subscriberId()).isEqualTo("poison-test");
    assertThat(record.attempts()).isEqualTo(3);
    assertThat(record.error()).contains("IllegalStateException", "cannot handle " + poison.id());
    assertThat(record.stackTrace()).contains("ParkingTest");
    assertThat(record.waitingBehindAnother()).isFalse();
    assertThat(consumer.status().parkedMessages()).isEqualTo(1);
    assertThat(consumer.status().lastError()).contains("cannot handle");

    Message parkedRecord = store.readLast("subscriberParked-poison-test").orElseThrow();
    assertThat(parkedRecord.type()).isEqualTo("Parked");
    assertThat(parkedRecord.metadata().traceId()).as("the parked record follows the original").isEqualTo("trace-Bad");
    assertThat(parkedRecord.metadata().causationMessageId()).isEqualTo(poison.id().toString());

    handlers.healed.set(true);
    assertThat(consumer.parkedMessages().retry(poison.id())).isTrue();
    assertThat(handlers.handled).containsExactly(next.id(), afterThat.id(), poison.id());
    assertThat(consumer.parkedMessages().list()).isEmpty();
    assertThat(store.readLast("subscriberParked-poison-test").orElseThrow().type()).isEqualTo("ParkedMessageRetried");
    consumer.stop();
  }

  @Test
  void laterMessagesOfTheSameStreamWaitBehindAParkedOneAndAreRetriedInOrder() {
    Handlers handlers = new Handlers();
    Message first = write("ordered-1", "Bad");
    Message second = write("ordered-1", "Good");
    Message otherStream = write("ordered-2", "Good");
    Message third = write("ordered-1", "Good");
    Consumer consumer = handlers.consumer("ordered-parking-test", "ordered");
    consumer.start();

    Eventually.until("the other stream handled and three parked",
        () -> handlers.handled.size() == 1 && consumer.parkedMessages().count() == 3);
    assertThat(handlers.handled).containsExactly(otherStream.id());
    List<ParkedMessage> parked = consumer.parkedMessages().list();
    assertThat(parked).extracting(ParkedMessage::messageId).containsExactly(first.id(), second.id(), third.id());
    assertThat(parked.get(1).waitingBehindAnother()).isTrue();
    assertThat(parked.get(1).blockedByMessageId()).isEqualTo(first.id());
    assertThat(parked.get(1).attempts()).isZero();
    assertThat(handlers.badAttempts).as("waiting messages are not tried").hasValue(3);

    handlers.healed.set(true);
    assertThat(consumer.parkedMessages().retry(second.id())).isTrue();
    assertThat(handlers.handled).containsExactly(otherStream.id(), first.id(), second.id());
    assertThat(consumer.parkedMessages().list()).extracting(ParkedMessage::messageId).containsExactly(third.id());

    Message fourth = write("ordered-1", "Good");
    Eventually.until("a new message of the stream parked behind the remaining one",
        () -> consumer.parkedMessages().count() == 2);
    assertThat(handlers.handled).doesNotContain(fourth.id());

    assertThat(consumer.parkedMessages().retry(fourth.id())).isTrue();
    assertThat(handlers.handled).containsExactly(otherStream.id(), first.id(), second.id(), third.id(), fourth.id());
    Message fifth = write("ordered-1", "Good");
    Eventually.until("the released stream handled directly", () -> handlers.handled.contains(fifth.id()));
    assertThat(consumer.parkedMessages().list()).isEmpty();
    consumer.stop();
  }

  @Test
  void aRetryThatFailsAgainLeavesTheMessageParkedWithTheNewError() {
    Handlers handlers = new Handlers();
    Message poison = write("again-1", "Bad");
    Message follower = write("again-1", "Good");
    Consumer consumer = handlers.consumer("again-test", "again");
    consumer.start();
    Eventually.until("both parked", () -> consumer.parkedMessages().count() == 2);

    assertThat(consumer.parkedMessages().retry(follower.id())).isFalse();

    assertThat(handlers.badAttempts).hasValue(4);
    assertThat(handlers.handled).isEmpty();
    ParkedMessage stillParked = consumer.parkedMessages().find(poison.id()).orElseThrow();
    assertThat(stillParked.attempts()).isEqualTo(4);
    assertThat(stillParked.error()).contains("cannot handle");
    assertThat(consumer.parkedMessages().find(follower.id())).isPresent();
    consumer.stop();
  }

  @Test
  void discardRemovesAMessageFromTheParkedListAndKeepsTheAuditTrail() {
    Handlers handlers = new Handlers();
    Message poison = write("discard-1", "Bad");
    Message follower = write("discard-1", "Good");
    Consumer consumer = handlers.consumer("discard-test", "discard");
    consumer.start();
    Eventually.until("both parked", () -> consumer.parkedMessages().count() == 2);

    assertThat(ParkedMessages.of(store, "discard-test").discard(poison.id(), "bad data, fixed by hand")).isTrue();

    assertThat(consumer.parkedMessages().list()).extracting(ParkedMessage::messageId).containsExactly(follower.id());
    assertThat(consumer.parkedMessages().discard(poison.id(), "again")).isFalse();
    assertThat(consumer.parkedMessages().retry(follower.id())).isTrue();
    assertThat(handlers.handled).containsExactly(follower.id());
    assertThat(handlers.badAttempts).hasValue(3);
    assertThat(store.readStream("subscriberParked-discard-test")).extracting(Message::type)
        .containsExactly("Parked", "Parked", "ParkedMessageDiscarded", "ParkedMessageRetried");
    assertThat(store.readStream("subscriberParked-discard-test").get(2).data().string("reason"))
        .isEqualTo("bad data, fixed by hand");
    consumer.stop();
  }

  @Test
  void aParkedMessageReadAgainAfterARestartIsNeitherRetriedNorParkedTwice() {
    Handlers handlers = new Handlers();
    Message poison = write("reread-1", "Bad");
    Message follower = write("reread-1", "Good");
    Message other = write("reread-2", "Good");
    Consumer consumer = handlers.consumer("reread-test", "reread");
    consumer.start();
    Eventually.until("both parked and the other handled",
        () -> consumer.parkedMessages().count() == 2 && handlers.handled.size() == 1);
    consumer.stop();
    int recordsBefore = store.readStream("subscriberParked-reread-test").size();
    // As after a crash before the position was recorded: the consumer reads everything again.
    execute(database.dataSource(), "SELECT message_store.write_message(gen_random_uuid()::varchar,"
        + " 'subscriberPosition-reread-test', 'Read', '{\"position\": 0}', NULL, NULL)");

    Consumer restarted = handlers.consumer("reread-test", "reread");
    restarted.start();
    Eventually.until("the other message handled again", () -> handlers.handled.size() == 2);
    restarted.stop();

    assertThat(handlers.handled).containsExactly(other.id(), other.id());
    assertThat(handlers.badAttempts).hasValue(3);
    assertThat(store.readStream("subscriberParked-reread-test")).hasSize(recordsBefore);
    assertThat(restarted.parkedMessages().list()).extracting(ParkedMessage::messageId)
        .containsExactly(poison.id(), follower.id());
  }

  @Test
  void retryingNeedsTheConsumersHandlersAndAParkedMessage() {
    Handlers handlers = new Handlers();
    Consumer consumer = handlers.consumer("needs-test", "needs");
    assertThatThrownBy(() -> ParkedMessages.of(store, "needs-test").retry(UUID.randomUUID()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> consumer.parkedMessages().retry(UUID.randomUUID()))
        .isInstanceOf(NoSuchElementException.class);
    assertThat(ParkedMessages.of(store, "needs-test").list()).isEmpty();
    assertThat(ParkedMessages.of(store, "needs-test").streamName()).isEqualTo("subscriberParked-needs-test");
  }
}
