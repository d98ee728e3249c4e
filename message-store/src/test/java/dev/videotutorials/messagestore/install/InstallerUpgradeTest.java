package dev.videotutorials.messagestore.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InstallerUpgradeTest {

  private static TestDatabase reference;

  @BeforeAll
  static void referenceInstall() {
    reference = TestDatabase.withMessageStore();
  }

  @AfterAll
  static void close() {
    reference.close();
  }

  @Test
  void anOlderInstallOfOursIsCompletedInPlaceAndKeepsItsMessages() throws Exception {
    try (TestDatabase db = TestDatabase.withMessageStore()) {
      StoreRows.write(db.dataSource(), "account-1", "Opened", 3);
      List<String> messages = StoreRows.all(db.dataSource());
      StoreRows.execute(db.dataSource(),
          "UPDATE message_store.installed_revision SET revision = 0",
          "DROP FUNCTION message_store.get_all_messages(bigint, bigint)",
          "DROP VIEW message_store.type_summary",
          "DROP INDEX message_store.messages_category");

      Installer.Result result = new Installer(db.dataSource()).install();

      assertThat(result.previousRevision()).isZero();
      assertThat(result.changed()).isTrue();
      assertThat(result.freshInstall()).isFalse();
      assertThat(new Installer(db.dataSource()).installedRevision()).isEqualTo(Installer.REVISION);
      assertThat(StoreRows.definitions(db.dataSource()))
          .containsExactlyElementsOf(StoreRows.definitions(reference.dataSource()));
      assertThat(StoreRows.all(db.dataSource())).containsExactlyElementsOf(messages);
    }
  }

  @Test
  void aStockMessageDb12InstallIsTakenOverWithOneGetLastStreamMessageLeft() throws Exception {
    try (TestDatabase db = TestDatabase.empty()) {
      StoreRows.execute(db.dataSource(), StockMessageDb12.STATEMENTS.toArray(String[]::new));
      List<String> messages = StoreRows.all(db.dataSource());
      assertThat(messages).hasSize(1);

      Installer.Result result = new Installer(db.dataSource()).install();

      assertThat(result.adoptedExistingStore()).isTrue();
      assertThat(result.freshInstall()).isFalse();
      try (Connection c = db.dataSource().getConnection()) {
        assertThat(StoreRows.all(c, """
            SELECT oid::regprocedure::text FROM pg_proc
            WHERE proname = 'get_last_stream_message' AND pronamespace = 'message_store'::regnamespace"""))
            .containsExactly("message_store.get_last_stream_message(character varying,character varying)");
        assertThat(StoreRows.all(c, "SELECT stream_name FROM message_store.get_last_stream_message('legacy-1')"))
            .containsExactly("legacy-1");
      }
      assertThat(StoreRows.all(db.dataSource())).containsExactlyElementsOf(messages);
      assertThat(StoreRows.definitions(db.dataSource()))
          .containsExactlyElementsOf(StoreRows.definitions(reference.dataSource()));
    }
  }

  @Test
  void aNewerRevisionIsRefusedAndLeftAsItIs() throws Exception {
    try (TestDatabase db = TestDatabase.withMessageStore()) {
      StoreRows.execute(db.dataSource(),
          "UPDATE message_store.installed_revision SET revision = " + (Installer.REVISION + 1),
          "DROP VIEW message_store.type_summary");

      assertThatThrownBy(() -> new Installer(db.dataSource()).install())
          .isInstanceOf(InstallationException.class)
          .hasMessageContaining("newer than this installer's revision " + Installer.REVISION);

      assertThat(new Installer(db.dataSource()).installedRevision()).isEqualTo(Installer.REVISION + 1);
      assertThat(StoreRows.queryString(db.dataSource(), "SELECT to_regclass('message_store.type_summary')")).isNull();
    }
  }
}
