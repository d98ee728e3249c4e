package dev.videotutorials.messagestore.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstallerIdempotenceTest {

  @Test
  void aSecondRunChangesNothingInTheCatalogOrTheMessages() throws Exception {
    try (TestDatabase db = TestDatabase.empty()) {
      Installer installer = new Installer(db.dataSource());
      Installer.Result first = installer.install();
      assertThat(first.freshInstall()).isTrue();
      assertThat(first.previousRevision()).isNull();
      StoreRows.write(db.dataSource(), "account-1", "Opened", 2);
      StoreRows.write(db.dataSource(), "account-2", "Opened", 1);
      List<String> catalogBefore = StoreRows.identity(db.dataSource());
      List<String> messagesBefore = StoreRows.all(db.dataSource());

      Installer.Result second = installer.install();

      assertThat(second.freshInstall()).isFalse();
      assertThat(second.changed()).isFalse();
      assertThat(second.previousRevision()).isEqualTo(Installer.REVISION);
      assertThat(StoreRows.identity(db.dataSource())).containsExactlyElementsOf(catalogBefore);
      assertThat(StoreRows.all(db.dataSource())).hasSize(3).containsExactlyElementsOf(messagesBefore);
    }
  }

  @Test
  void theFingerprintCoversWhatTheInstallerCreates() throws Exception {
    try (TestDatabase db = TestDatabase.withMessageStore()) {
      List<String> fingerprint = StoreRows.identity(db.dataSource());
      assertThat(fingerprint).anyMatch(line -> line.startsWith("role | message_store"));
      assertThat(fingerprint).anyMatch(line -> line.startsWith("function | message_store.write_message("));
      assertThat(fingerprint).anyMatch(line -> line.startsWith("index | messages | messages_category"));
      assertThat(fingerprint).anyMatch(line -> line.startsWith("view | stream_summary"));
      assertThat(fingerprint).anyMatch(line -> line.matches("grant \\| relation messages \\| \\S+ \\| message_store \\| INSERT \\| f"));
      assertThat(fingerprint).anyMatch(line -> line.startsWith("revision | " + Installer.REVISION));
    }
  }

  @Test
  void aDroppedIndexIsRecreatedAndTheFingerprintNoticesTheNewObject() throws Exception {
    try (TestDatabase db = TestDatabase.withMessageStore()) {
      List<String> definitions = StoreRows.definitions(db.dataSource());
      List<String> identity = StoreRows.identity(db.dataSource());
      StoreRows.execute(db.dataSource(), "DROP INDEX message_store.messages_category");

      new Installer(db.dataSource()).install();

      assertThat(StoreRows.definitions(db.dataSource())).containsExactlyElementsOf(definitions);
      assertThat(StoreRows.identity(db.dataSource())).isNotEqualTo(identity);
    }
  }
}
