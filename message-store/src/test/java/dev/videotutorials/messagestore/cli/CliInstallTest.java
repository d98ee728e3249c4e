package dev.videotutorials.messagestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.install.Installer;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CliInstallTest {

  @Test
  void installCreatesTheDatabaseInstallsAndIsRepeatable() throws Exception {
    String name = "cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    ConnectionString target = TestDatabase.serverAdmin().withDatabase(name);
    String url = Urls.of(target);
    try {
      String first = CliRunner.run("install", "--url", url).succeeded();
      assertThat(first).contains("Created database \"" + name + "\"")
          .contains("Installed the message store (revision " + Installer.REVISION + ", Message DB 1.3.0 interface)");

      String second = CliRunner.run(Map.of(ConnectionOptions.ENVIRONMENT_VARIABLE, url), "install").succeeded();
      assertThat(second).contains("Using existing database \"" + name + "\"").contains("already installed");

      String version = CliRunner.run("version", "--url", url).succeeded();
      assertThat(version).contains("message_store_version: 1.3.0")
          .contains("installed revision: " + Installer.REVISION + " (installed at ");
    } finally {
      try (Connection admin = Databases.connect(TestDatabase.serverAdmin()); Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  @Test
  void noCreateDatabaseInstallsIntoAnExistingDatabaseWithoutTouchingTheServer() throws Exception {
    try (TestDatabase db = TestDatabase.empty()) {
      String out = CliRunner.run("install", "--no-create-database", "--url", db.url()).succeeded();

      assertThat(out.lines()).hasSize(1);
      assertThat(out).startsWith("Installed the message store");
      assertThat(new Installer(db.dataSource()).installedRevision()).isEqualTo(Installer.REVISION);
    }
  }

  @Test
  void noCreateDatabaseFailsOnAMissingDatabaseAndCreatesNothing() throws Exception {
    String name = "cli_missing_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String url = Urls.of(TestDatabase.serverAdmin().withDatabase(name));

    String error = CliRunner.run("install", "--no-create-database", "--url", url).failedWithOneLine();

    assertThat(error).contains("Database \"" + name + "\" does not exist").contains("--no-create-database");
    try (Connection admin = Databases.connect(TestDatabase.serverAdmin()); Statement s = admin.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void installReportsAnUpgradeOfAnOlderInstall() throws Exception {
    try (TestDatabase db = TestDatabase.withMessageStore()) {
      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
        s.execute("UPDATE message_store.installed_revision SET revision = 0");
      }

      String out = CliRunner.run("install", "--url", db.url()).succeeded();

      assertThat(out).contains("Upgraded the message store from revision 0 to revision " + Installer.REVISION);
    }
  }
}
