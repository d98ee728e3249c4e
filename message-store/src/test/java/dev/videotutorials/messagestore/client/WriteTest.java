package dev.videotutorials.messagestore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.videotutorials.messagestore.DuplicateMessageIdException;
import dev.videotutorials.messagestore.ExpectedVersionException;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.MessageStoreException;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WriteTest {

  private static TestDatabase db;
  private static MessageStore store;

  @BeforeAll
  static void createStore() {
    db = TestDatabase.withMessageStore();
    store = new MessageStore(db.dataSource());
  }

  @AfterAll
  static void dropStore() {
    db.close();
  }

  private static String newStream() {
    return "account-" + UUID.randomUUID();
  }

  private static NewMessage event(String type, int n) {
    return NewMessage.of(type, JsonObject.of("n", n));
  }

  @Test
  void writeReturnsTheNewStreamPosition() {
    String stream = newStream();
    assertThat(store.write(stream, event("Opened", 0))).isEqualTo(0);
    assertThat(store.write(stream, event("Deposited", 1))).isEqualTo(1);
    assertThat(store.write(stream, event("Deposited", 2), 1L)).isEqualTo(2);
    assertThat(store.readStream(stream)).extracting(Message::position).containsExactly(0L, 1L, 2L);
  }

  @Test
  void expectedVersionMinusOneWritesTheFirstMessageOfAnEmptyStream() {
    String stream = newStream();
    assertThat(store.write(stream, event("Opened", 0), -1L)).isEqualTo(0);
  }

  @Test
  void batchWriteStoresAllMessagesInOrderAndReturnsTheLastPosition() {
    String stream = newStream();
    store.write(stream, event("Opened", 0));
    List<NewMessage> batch = List.of(event("Deposited", 1), event("Deposited", 2), event("Withdrawn", 3));

    assertThat(store.write(stream, batch, 0L)).isEqualTo(3);

    List<Message> messages = store.readStream(stream);
    assertThat(messages).extracting(Message::id)
        .containsExactly(messages.get(0).id(), batch.get(0).id(), batch.get(1).id(), batch.get(2).id());
    assertThat(messages).extracting(m -> m.data().longValue("n")).containsExactly(0L, 1L, 2L, 3L);
    assertThat(messages.get(3).time()).isEqualTo(messages.get(1).time());
  }

  @Test
  void batchWithAMessageFailingInTheMiddleWritesNothing() {
    String stream = newStream();
    store.write(stream, event("Opened", 0));
    NewMessage alreadyStored = event("Elsewhere", 9);
    store.write(newStream(), alreadyStored);

    List<NewMessage> batch = List.of(event("Deposited", 1), alreadyStored, event("Deposited", 3));
    assertThatThrownBy(() -> store.write(stream, batch, 0L)).isInstanceOf(DuplicateMessageIdException.class);

    List<NewMessage> unstorableData = List.of(
        event("Deposited", 1), NewMessage.of("Deposited", JsonObject.of("text", "nul \u0000 char")), event("Deposited", 3));
    assertThatThrownBy(() -> store.write(stream, unstorableData, null)).isInstanceOf(MessageStoreException.class);

    assertThat(store.readStream(stream)).hasSize(1);
    assertThat(store.streamVersion(stream)).isZero();
    assertThat(store.readLast(stream).orElseThrow().type()).isEqualTo("Opened");
    // the pooled connection went back usable, in autocommit mode
    assertThat(store.write(stream, batch.subList(0, 1), 0L)).isEqualTo(1);
  }

  @Test
  void batchWithAWrongExpectedVersionWritesNothing() {
    String stream = newStream();
    store.write(stream, event("Opened", 0));
    List<NewMessage> batch = List.of(event("Deposited", 1), event("Deposited", 2));

    ExpectedVersionException conflict = catchThrowableOfType(ExpectedVersionException.class,
        () -> store.write(stream, batch, 5L));

    assertThat(conflict.streamName()).isEqualTo(stream);
    assertThat(conflict.expectedVersion()).isEqualTo(5);
    assertThat(conflict.actualVersion()).isEqualTo(0);
    assertThat(store.streamVersion(stream)).isZero();
  }

  @Test
  void versionConflictStatesStreamThenExpectedThenActualVersion() {
    String stream = newStream();
    store.write(stream, List.of(event("Opened", 0), event("Deposited", 1)), -1L);

    ExpectedVersionException conflict = catchThrowableOfType(ExpectedVersionException.class,
        () -> store.write(stream, event("Deposited", 2), 5L));

    assertThat(conflict.streamName()).isEqualTo(stream);
    assertThat(conflict.expectedVersion()).isEqualTo(5);
    assertThat(conflict.actualVersion()).isEqualTo(1);
    assertThat(conflict).hasMessage("Wrong expected version for stream " + stream
        + ": expected version 5 but the stream is at version 1");
  }

  @Test
  void versionConflictExpectingAnEmptyStream() {
    String stream = newStream();
    store.write(stream, event("Opened", 0));

    ExpectedVersionException conflict = catchThrowableOfType(ExpectedVersionException.class,
        () -> store.write(stream, event("Opened", 1), -1L));

    assertThat(conflict.expectedVersion()).isEqualTo(-1);
    assertThat(conflict.actualVersion()).isEqualTo(0);
  }

  @Test
  void versionConflictOnAnEmptyStream() {
    String stream = newStream();

    ExpectedVersionException conflict = catchThrowableOfType(ExpectedVersionException.class,
        () -> store.write(stream, event("Deposited", 0), 0L));

    assertThat(conflict.streamName()).isEqualTo(stream);
    assertThat(conflict.expectedVersion()).isEqualTo(0);
    assertThat(conflict.actualVersion()).isEqualTo(-1);
    assertThat(store.streamVersion(stream)).isEqualTo(-1);
  }

  @Test
  void versionConflictKeepsAStreamNameThatLooksLikeTheErrorText() {
    String stream = "account-1, Stream Version: 7) (Stream: x-" + UUID.randomUUID();
    store.write(stream, event("Opened", 0));

    ExpectedVersionException conflict = catchThrowableOfType(ExpectedVersionException.class,
        () -> store.write(stream, event("Opened", 1), 3L));

    assertThat(conflict.streamName()).isEqualTo(stream);
    assertThat(conflict.expectedVersion()).isEqualTo(3);
    assertThat(conflict.actualVersion()).isEqualTo(0);
  }

  @Test
  void duplicateMessageIdCarriesThatId() {
    NewMessage first = event("Opened", 0);
    store.write(newStream(), first);

    DuplicateMessageIdException duplicate = catchThrowableOfType(DuplicateMessageIdException.class,
        () -> store.write(newStream(), event("Other", 1).withId(first.id())));

    assertThat(duplicate.messageId()).isEqualTo(first.id());
    assertThat(duplicate).hasMessageContaining(first.id().toString());
  }

  @Test
  void duplicateMessageIdInsideABatchCarriesTheDuplicatedId() {
    String stream = newStream();
    NewMessage existing = event("Opened", 0);
    store.write(newStream(), existing);
    NewMessage twice = event("Deposited", 1);

    DuplicateMessageIdException againstStored = catchThrowableOfType(DuplicateMessageIdException.class,
        () -> store.write(stream, List.of(event("Opened", 0), existing.withMetadata(null)), -1L));
    DuplicateMessageIdException withinBatch = catchThrowableOfType(DuplicateMessageIdException.class,
        () -> store.write(stream, List.of(event("Opened", 0), twice, event("Deposited", 2).withId(twice.id())), -1L));

    assertThat(againstStored.messageId()).isEqualTo(existing.id());
    assertThat(withinBatch.messageId()).isEqualTo(twice.id());
    assertThat(store.streamVersion(stream)).isEqualTo(-1);
  }

  @Test
  void writingNothingIsRefused() {
    assertThatThrownBy(() -> store.write(newStream(), List.of(), null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writeWithinTheCallersTransactionIsRolledBackWithIt() throws Exception {
    String stream = newStream();
    try (Connection connection = db.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      assertThat(MessageStore.write(connection, stream, event("Opened", 0), -1L)).isZero();
      assertThat(MessageStore.write(connection, stream, event("Deposited", 1), 0L)).isEqualTo(1);
      assertThatThrownBy(() -> MessageStore.write(connection, stream, event("Deposited", 2), 0L))
          .isInstanceOf(ExpectedVersionException.class);
      connection.rollback();
      connection.setAutoCommit(true);
    }
    assertThat(store.streamVersion(stream)).isEqualTo(-1);
  }

  @Test
  void writeListenerIsToldOnlyOfCommittedWrites() {
    List<String> told = new CopyOnWriteArrayList<>();
    MessageStore listened = store.withWriteListener(told::add);
    String stream = newStream();

    listened.write(stream, event("Opened", 0));
    assertThatThrownBy(() -> listened.write(stream, event("Opened", 1), -1L))
        .isInstanceOf(ExpectedVersionException.class);
    listened.write(stream, List.of(event("Deposited", 1), event("Deposited", 2)), 0L);

    assertThat(told).containsExactly(stream, stream);
  }
}
