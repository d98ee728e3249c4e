package dev.videotutorials.messagestore.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstallerConcurrencyTest {

  private static final int INSTALLERS = 4;

  @Test
  void installersRacingIntoOneFreshDatabaseAllSucceedWithOneCompleteInstall() throws Exception {
    try (TestDatabase racedOver = TestDatabase.empty(); TestDatabase reference = TestDatabase.withMessageStore()) {
      List<Installer.Result> results =
          ConcurrentInstalls.run(Collections.nCopies(INSTALLERS, racedOver.connectionString()));

      assertThat(results).filteredOn(Installer.Result::freshInstall).hasSize(1);
      assertThat(results).filteredOn(result -> !result.freshInstall())
          .allSatisfy(result -> assertThat(result.previousRevision()).isEqualTo(Installer.REVISION));
      assertThat(StoreRows.definitions(racedOver.dataSource()))
          .containsExactlyElementsOf(StoreRows.definitions(reference.dataSource()));
      assertThat(StoreRows.queryString(racedOver.dataSource(), "SELECT count(*) FROM message_store.installed_revision"))
          .isEqualTo("1");
    }
  }

  @Test
  void installersRacingIntoTwoDatabasesOfAServerWithoutTheRoleAllSucceed() throws Exception {
    PrivateServer server = PrivateServer.get();
    server.reset(Installer.ROLE);
    ConnectionString first = server.admin(server.createDatabase("postgres"));
    ConnectionString second = server.admin(server.createDatabase("postgres"));

    List<Installer.Result> results = ConcurrentInstalls.run(List.of(first, second, first, second));

    assertThat(results).filteredOn(Installer.Result::freshInstall).hasSize(2);
    try (var firstDb = dev.videotutorials.messagestore.Databases.connect(first);
         var secondDb = dev.videotutorials.messagestore.Databases.connect(second)) {
      List<String> firstCatalog = CatalogFingerprint.definitions(firstDb);
      assertThat(firstCatalog).anyMatch(line -> line.startsWith("role | message_store | f | t | f | f | t"));
      assertThat(CatalogFingerprint.definitions(secondDb)).containsExactlyElementsOf(firstCatalog);
      assertThat(StoreRows.all(firstDb, "SELECT count(*) FROM pg_roles WHERE rolname = 'message_store'"))
          .containsExactly("1");
    }
  }
}
