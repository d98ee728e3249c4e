package dev.videotutorials.messagestore.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.Entity;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.Projection;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FetchTest {

  /** More than one default batch (1,000), ending mid-batch. */
  private static final int LONG_STREAM = 2_345;

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

  private record Account(long balance, int deposits) {
  }

  private static final Projection<Account> ACCOUNT = Projection.startingWith(() -> new Account(0, 0))
      .on("Deposited", (account, message) ->
          new Account(account.balance() + message.data().longValue("amount"), account.deposits() + 1))
      .on("Withdrawn", (account, message) ->
          new Account(account.balance() - message.data().longValue("amount"), account.deposits()))
      .build();

  private static NewMessage deposit(long amount) {
    return NewMessage.of("Deposited", JsonObject.of("amount", amount));
  }

  private static String newStream() {
    return "account-" + UUID.randomUUID();
  }

  private static void writeDeposits(String stream, int count, long firstAmount) {
    List<NewMessage> messages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      messages.add(deposit(firstAmount + i));
    }
    store.write(stream, messages, null);
  }

  private static long sum(long first, int count) {
    return count * first + (long) count * (count - 1) / 2;
  }

  @Test
  void fetchOfAnEmptyStreamGivesTheInitialValueAtVersionMinusOne() {
    Entity<Account> entity = store.fetch(newStream(), ACCOUNT);

    assertThat(entity.value()).isEqualTo(new Account(0, 0));
    assertThat(entity.version()).isEqualTo(-1);
    assertThat(entity.exists()).isFalse();
  }

  @Test
  void fetchFoldsTheWholeStreamBeyondOneBatch() {
    String stream = newStream();
    writeDeposits(stream, LONG_STREAM, 1);

    Entity<Account> entity = store.fetch(stream, ACCOUNT);

    assertThat(entity.value()).isEqualTo(new Account(sum(1, LONG_STREAM), LONG_STREAM));
    assertThat(entity.version()).isEqualTo(LONG_STREAM - 1);
    assertThat(store.readStream(stream)).hasSize(LONG_STREAM);
  }

  @Test
  void fetchOfExactlyOneFullBatch() {
    String stream = newStream();
    writeDeposits(stream, MessageStore.DEFAULT_BATCH_SIZE, 1);

    Entity<Account> entity = store.fetch(stream, ACCOUNT);

    assertThat(entity.value().deposits()).isEqualTo(MessageStore.DEFAULT_BATCH_SIZE);
    assertThat(entity.version()).isEqualTo(MessageStore.DEFAULT_BATCH_SIZE - 1);
  }

  @Test
  void messagesWithoutAHandlerLeaveTheEntityButAdvanceTheVersion() {
    String stream = newStream();
    store.write(stream, List.of(deposit(10), NewMessage.of("Noted", JsonObject.of("text", "hi")),
        NewMessage.of("Withdrawn", JsonObject.of("amount", 3))), -1L);

    Entity<Account> entity = store.fetch(stream, ACCOUNT);

    assertThat(entity.value()).isEqualTo(new Account(7, 1));
    assertThat(entity.version()).isEqualTo(2);
  }

  @Test
  void fetchFromContinuesAFoldFromAKnownVersion() {
    String stream = newStream();
    writeDeposits(stream, 1_500, 1);
    Entity<Account> known = store.fetch(stream, ACCOUNT);
    writeDeposits(stream, 1_200, 10_000);

    Entity<Account> continued = store.fetchFrom(stream, ACCOUNT, known.value(), known.version());
    Entity<Account> fromScratch = store.fetch(stream, ACCOUNT);

    assertThat(continued).isEqualTo(fromScratch);
    assertThat(continued.version()).isEqualTo(2_699);
    assertThat(continued.value()).isEqualTo(new Account(sum(1, 1_500) + sum(10_000, 1_200), 2_700));
  }

  @Test
  void fetchFromReadsOnlyNewerMessages() {
    String stream = newStream();
    writeDeposits(stream, 3, 1);

    // A made-up entity at version 1: only the message at position 2 (amount 3) may be added.
    Entity<Account> continued = store.fetchFrom(stream, ACCOUNT, new Account(1_000, 0), 1);
    Entity<Account> upToDate = store.fetchFrom(stream, ACCOUNT, new Account(1_000, 0), 2);

    assertThat(continued).isEqualTo(new Entity<>(new Account(1_003, 1), 2));
    assertThat(upToDate).isEqualTo(new Entity<>(new Account(1_000, 0), 2));
  }

  @Test
  void fetchedVersionIsTheExpectedVersionOfTheNextWrite() {
    String stream = newStream();
    writeDeposits(stream, 2, 5);
    Entity<Account> entity = store.fetch(stream, ACCOUNT);

    assertThat(store.write(stream, deposit(1), entity.version())).isEqualTo(2);
  }
}
