package dev.videotutorials.app.components.testing;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Creates the view tables with the application's Flyway migrations. */
public final class ViewDatabase {

  private ViewDatabase() {
  }

  public static DataSource migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return dataSource;
  }
}
