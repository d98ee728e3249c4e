package dev.videotutorials.messagestore.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InstallerExistingDatabaseTest {

  @Test
  void installsNextToUnrelatedTablesAndLeavesThemAlone() throws Exception {
    try (TestDatabase db = TestDatabase.empty()) {
      StoreRows.execute(db.dataSource(),
          "CREATE TABLE public.orders (id int PRIMARY KEY, item text NOT NULL)",
          "INSERT INTO public.orders VALUES (1, 'book'), (2, 'lamp')",
          "CREATE SCHEMA billing",
          "CREATE TABLE billing.invoices (number text)",
          "INSERT INTO billing.invoices VALUES ('A-1')");

      Installer.Result result = new Installer(db.dataSource()).install();

      assertThat(result.freshInstall()).isTrue();
      try (Connection c = db.dataSource().getConnection()) {
        assertThat(StoreRows.all(c, "SELECT * FROM public.orders ORDER BY id")).containsExactly("1 | book", "2 | lamp");
        assertThat(StoreRows.all(c, "SELECT * FROM billing.invoices")).containsExactly("A-1");
        assertThat(StoreRows.all(c, "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace ORDER BY 1"))
            .containsExactly("orders", "orders_pkey");
      }
      StoreRows.write(db.dataSource(), "order-1", "Placed", 1);
      assertThat(StoreRows.all(db.dataSource())).hasSize(1);
    }
  }

  @Test
  void createDatabaseIfMissingCreatesTheDatabaseOnceEvenWithANameThatNeedsQuoting() throws Exception {
    String name = "Store-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT) + " db";
    ConnectionString target = TestDatabase.serverAdmin().withDatabase(name);
    try {
      assertThat(target.databaseName()).isEqualTo(name);
      assertThat(Databases.createDatabaseIfMissing(target)).isTrue();
      assertThat(Databases.createDatabaseIfMissing(target)).isFalse();
      try (Connection c = Databases.connect(target)) {
        assertThat(StoreRows.all(c, "SELECT current_database()")).containsExactly(name);
      }
    } finally {
      dropDatabase(name);
    }
  }

  @Test
  void createDatabaseIfMissingLeavesAnExistingDatabaseAlone() throws Exception {
    try (TestDatabase db = TestDatabase.withMessageStore()) {
      StoreRows.write(db.dataSource(), "kept-1", "Kept", 2);
      assertThat(Databases.createDatabaseIfMissing(db.connectionString())).isFalse();
      assertThat(StoreRows.all(db.dataSource())).hasSize(2);
    }
  }

  private static void dropDatabase(String name) throws Exception {
    try (Connection admin = Databases.connect(TestDatabase.serverAdmin()); Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + Databases.quoteIdentifier(name) + " WITH (FORCE)");
      assertThat(StoreRows.all(admin, "SELECT datname FROM pg_database WHERE datname = '" + name + "'")).isEqualTo(List.of());
    }
  }
}
