package dev.videotutorials.messagestore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.messagestore.CategoryRead;
import dev.videotutorials.messagestore.DuplicateMessageIdException;
import dev.videotutorials.messagestore.ExpectedVersionException;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.MessageStoreException;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Server errors reach callers as {@link MessageStoreException}s with the server's own text. */
class ErrorTranslationTest {

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

  private static void assertStoreError(ThrowingCallable call, String serverText) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown)
        .isExactlyInstanceOf(MessageStoreException.class)
        .hasMessage(serverText)
        .hasCauseInstanceOf(SQLException.class);
  }

  @Test
  void readingACategoryWithAStreamName() {
    assertStoreError(() -> store.readCategory(CategoryRead.of("account-1")), "Must be a category: account-1");
  }

  @Test
  void readingAStreamWithACategory() {
    assertStoreError(() -> store.readStream("account", 0, 10), "Must be a stream name: account");
    assertStoreError(() -> store.readStream("account"), "Must be a stream name: account");
  }

  @Test
  void correlationThatIsAStreamName() {
    assertStoreError(() -> store.readCategory(CategoryRead.of("account").correlation("replies-1")),
        "Correlation must be a category (Correlation: replies-1)");
  }

  @Test
  void consumerGroupOutOfRange() {
    assertStoreError(() -> store.readCategory(CategoryRead.of("account").consumerGroup(2, 2)),
        "Consumer group member must be less than the group size (Consumer Group Member: 2, Consumer Group Size: 2)");
    assertStoreError(() -> store.readCategory(CategoryRead.of("account").consumerGroup(-1, 2)),
        "Consumer group member must not be less than 0 (Consumer Group Member: -1, Consumer Group Size: 2)");
    assertStoreError(() -> store.readCategory(CategoryRead.of("account").consumerGroup(0, 0)),
        "Consumer group size must not be less than 1 (Consumer Group Member: 0, Consumer Group Size: 0)");
  }

  @Test
  void conditionWithoutTheSetting() {
    assertStoreError(() -> store.readCategory(CategoryRead.of("account").condition("position > 0")),
        "Retrieval with SQL condition is not activated");
  }

  @Test
  void dataThePostgresJsonTypeRefuses() {
    assertStoreError(() -> store.write("account-1", NewMessage.of("Opened", JsonObject.of("text", "\u0000"))),
        "unsupported Unicode escape sequence");
  }

  @Test
  void typedErrorsAreMessageStoreExceptions() {
    store.write("account-2", NewMessage.of("Opened", null));
    NewMessage duplicate = store.readLast("account-2").map(m -> new NewMessage(m.id(), "Again", null, null)).orElseThrow();

    assertThat(catchThrowable(() -> store.write("account-2", NewMessage.of("Opened", null), -1L)))
        .isInstanceOf(ExpectedVersionException.class).isInstanceOf(MessageStoreException.class);
    assertThat(catchThrowable(() -> store.write("account-3", List.of(duplicate), null)))
        .isInstanceOf(DuplicateMessageIdException.class).isInstanceOf(MessageStoreException.class);
  }

  @Test
  void unreachableServerIsAStoreErrorToo() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/nowhere");
    config.setConnectionTimeout(250);
    config.setInitializationFailTimeout(-1);
    config.setMaximumPoolSize(1);
    try (HikariDataSource nowhere = new HikariDataSource(config)) {
      MessageStore unreachable = new MessageStore(nowhere);

      assertThat(catchThrowable(() -> unreachable.readStream("account-1", 0, 1))).isInstanceOf(MessageStoreException.class);
      assertThat(catchThrowable(() -> unreachable.readCategory(CategoryRead.of("account")))).isInstanceOf(MessageStoreException.class);
      assertThat(catchThrowable(() -> unreachable.streamVersion("account-1"))).isInstanceOf(MessageStoreException.class);
      assertThat(catchThrowable(() -> unreachable.write("account-1", NewMessage.of("Opened", null))))
          .isInstanceOf(MessageStoreException.class);
      assertThat(catchThrowable(() -> unreachable.write("account-1", List.of(NewMessage.of("Opened", null),
          NewMessage.of("Opened", null)), null))).isInstanceOf(MessageStoreException.class);
    }
  }

  @Test
  void permissionErrorsCarryTheServerText() throws SQLException {
    String role = "no_grants_" + Long.toHexString(System.nanoTime());
    try (Connection admin = db.dataSource().getConnection(); Statement statement = admin.createStatement()) {
      statement.execute("CREATE ROLE " + role);
    }
    try (HikariDataSource withoutGrants = TestPools.withInitSql(db.connectionString(), "SET ROLE " + role)) {
      MessageStore denied = new MessageStore(withoutGrants);
      String text = "permission denied for schema message_store";

      assertStoreError(() -> denied.streamVersion("account-1"), text);
      assertStoreError(() -> denied.readStream("account-1", 0, 1), text);
      assertStoreError(() -> denied.readLast("account-1"), text);
      assertStoreError(() -> denied.readCategory(CategoryRead.of("account")), text);
      assertStoreError(() -> denied.readAll(1, 1), text);
      assertStoreError(() -> denied.write("account-1", NewMessage.of("Opened", null)), text);
      assertStoreError(() -> denied.write("account-1", List.of(NewMessage.of("A", null), NewMessage.of("B", null)), 5L), text);
    } finally {
      try (Connection admin = db.dataSource().getConnection(); Statement statement = admin.createStatement()) {
        statement.execute("DROP ROLE " + role);
      }
    }
  }
}
