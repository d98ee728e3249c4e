package dev.videotutorials.app.system;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the view database's tables up to date with the migrations in {@code db/migration}. */
public final class ViewDatabaseMigration {

  private static final Logger log = LoggerFactory.getLogger(ViewDatabaseMigration.class);

  private ViewDatabaseMigration() {
  }

  /** Idempotent; Flyway's lock lets several processes run it at once. */
  public static void migrate(DataSource viewDatabase) {
    MigrateResult result = Flyway.configure()
        .dataSource(viewDatabase)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    if (result.migrationsExecuted > 0) {
      log.info("Migrated the view database to version {} ({} migrations)", result.targetSchemaVersion,
          result.migrationsExecuted);
    }
  }
}
