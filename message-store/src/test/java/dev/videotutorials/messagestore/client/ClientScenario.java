package dev.videotutorials.messagestore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.videotutorials.messagestore.CategoryRead;
import dev.videotutorials.messagestore.DuplicateMessageIdException;
import dev.videotutorials.messagestore.Entity;
import dev.videotutorials.messagestore.ExpectedVersionException;
import dev.videotutorials.messagestore.Hash64;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.MessageStoreException;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.Projection;
import dev.videotutorials.messagestore.StreamName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every read and write path of the client, run against one store. Used to show that the client
 * needs nothing but the Message DB interface (see {@link InterfaceOnlyTest}).
 */
final class ClientScenario {

  private static final Projection<Long> BALANCE = Projection.startingWith(() -> 0L)
      .on("Deposited", (balance, message) -> balance + message.data().longValue("amount"))
      .on("Withdrawn", (balance, message) -> balance - message.data().longValue("amount"))
      .build();

  private final MessageStore store;
  private final String category = "account" + UUID.randomUUID().toString().replace("-", "");
  private final String stream = StreamName.of(category, "1");

  ClientScenario(MessageStore store) {
    this.store = store;
  }

  private static NewMessage deposit(long amount) {
    return NewMessage.of("Deposited", JsonObject.of("amount", amount));
  }

  void writeAndConflicts() {
    assertThat(store.streamVersion(stream)).isEqualTo(-1);
    NewMessage opened = NewMessage.of("Opened", JsonObject.of("owner", "Zoë 😀", "limits", JsonObject.of("daily", 500)),
        Metadata.empty().withTraceId("trace-1").withExplicitNull(Metadata.USER_ID));
    assertThat(store.write(stream, opened, -1L)).isZero();
    assertThat(store.write(stream, List.of(deposit(10), deposit(20),
        NewMessage.of("Withdrawn", JsonObject.of("amount", 5))), 0L)).isEqualTo(3);

    ExpectedVersionException conflict = catchThrowableOfType(ExpectedVersionException.class,
        () -> store.write(stream, deposit(1), 1L));
    assertThat(conflict.streamName()).isEqualTo(stream);
    assertThat(conflict.expectedVersion()).isEqualTo(1);
    assertThat(conflict.actualVersion()).isEqualTo(3);

    String empty = StreamName.of(category, "empty");
    ExpectedVersionException onEmpty = catchThrowableOfType(ExpectedVersionException.class,
        () -> store.write(empty, List.of(deposit(1), deposit(2)), 0L));
    assertThat(onEmpty.expectedVersion()).isZero();
    assertThat(onEmpty.actualVersion()).isEqualTo(-1);

    DuplicateMessageIdException duplicate = catchThrowableOfType(DuplicateMessageIdException.class,
        () -> store.write(empty, List.of(deposit(1), opened), null));
    assertThat(duplicate.messageId()).isEqualTo(opened.id());
    assertThat(store.streamVersion(empty)).isEqualTo(-1);
    assertThat(store.streamVersion(stream)).isEqualTo(3);

    Message first = store.readStream(stream, 0, 1).get(0);
    assertThat(first.id()).isEqualTo(opened.id());
    assertThat(first.data()).isEqualTo(opened.data());
    assertThat(first.metadata()).isEqualTo(opened.metadata());
  }

  void streamReads() {
    assertThat(store.readStream(stream, 1, 2)).extracting(Message::position).containsExactly(1L, 2L);
    assertThat(store.readStream(stream)).extracting(Message::type)
        .containsExactly("Opened", "Deposited", "Deposited", "Withdrawn");
    assertThat(store.readLast(stream).orElseThrow().type()).isEqualTo("Withdrawn");
    assertThat(store.readLast(stream, "Deposited").orElseThrow().position()).isEqualTo(2);
    assertThat(store.readLast(StreamName.of(category, "none"))).isEmpty();
    assertThatThrownBy(() -> store.readStream(category, 0, 1))
        .isExactlyInstanceOf(MessageStoreException.class).hasMessage("Must be a stream name: " + category);
  }

  void fetches() {
    Entity<Long> balance = store.fetch(stream, BALANCE);
    assertThat(balance).isEqualTo(new Entity<>(25L, 3));
    assertThat(store.fetchFrom(stream, BALANCE, 10L, 1)).isEqualTo(new Entity<>(10L + 20 - 5, 3));

    String longStream = StreamName.of(category, "long");
    List<NewMessage> deposits = new ArrayList<>();
    for (int i = 1; i <= 1_100; i++) {
      deposits.add(deposit(i));
    }
    store.write(longStream, deposits, -1L);
    Entity<Long> whole = store.fetch(longStream, BALANCE);
    assertThat(whole).isEqualTo(new Entity<>(1_100L * 1_101 / 2, 1_099));
    Entity<Long> upTo999 = new Entity<>(999L * 1_000 / 2, 998);
    assertThat(store.fetchFrom(longStream, BALANCE, upTo999.value(), upTo999.version())).isEqualTo(whole);
  }

  void categoryReads() {
    String replies = "replies" + UUID.randomUUID().toString().replace("-", "");
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String member = StreamName.of(category, "m" + i, "x");
      members.add(member);
      Metadata metadata = i % 3 == 0 ? Metadata.empty().withCorrelationStreamName(StreamName.of(replies, "r")) : null;
      store.write(member, deposit(i).withMetadata(metadata));
    }

    List<Message> all = store.readCategory(CategoryRead.of(category).batchSize(-1));
    assertThat(all).hasSize(4 + 1_100 + 12);
    assertThat(all).extracting(Message::globalPosition).isSorted().doesNotHaveDuplicates();
    assertThat(all).allMatch(m -> StreamName.category(m.streamName()).equals(category));

    List<Message> page = store.readCategory(CategoryRead.of(category).fromPosition(all.get(1).globalPosition()).batchSize(2));
    assertThat(page).containsExactly(all.get(1), all.get(2));

    assertThat(store.readCategory(CategoryRead.of(category).correlation(replies)))
        .extracting(Message::streamName).containsExactly(members.get(0), members.get(3), members.get(6), members.get(9));

    Set<String> memberOne = store.readCategory(CategoryRead.of(category).fromPosition(all.get(1_104).globalPosition())
            .consumerGroup(1, 2)).stream().map(Message::streamName).collect(Collectors.toSet());
    assertThat(memberOne).isEqualTo(members.stream()
        .filter(s -> Hash64.consumerGroupMember(s, 2) == 1).collect(Collectors.toSet()));

    assertThatThrownBy(() -> store.readCategory(CategoryRead.of(stream)))
        .isExactlyInstanceOf(MessageStoreException.class).hasMessage("Must be a category: " + stream);
  }

  /** Not part of Message DB: only this project's store has {@code get_all_messages}. */
  void readAll() {
    List<Message> all = store.readAll(1, -1);
    assertThat(all).extracting(Message::globalPosition).isSorted().doesNotHaveDuplicates();
    assertThat(all).filteredOn(m -> m.streamName().equals(stream)).hasSize(4);
    assertThat(store.readAll(all.get(1).globalPosition(), 2)).containsExactly(all.get(1), all.get(2));
  }
}
