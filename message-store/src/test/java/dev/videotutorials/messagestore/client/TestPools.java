package dev.videotutorials.messagestore.client;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.messagestore.ConnectionString;

/** Small pools whose connections start with some SQL (a role, a search_path, a setting). */
final class TestPools {

  private TestPools() {
  }

  static HikariDataSource withInitSql(ConnectionString connection, String initSql) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(connection.jdbcUrl());
    if (connection.user() != null) {
      config.setUsername(connection.user());
    }
    if (connection.password() != null) {
      config.setPassword(connection.password());
    }
    config.setPoolName("client-test-" + connection.databaseName());
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(0);
    config.setConnectionInitSql(initSql);
    return new HikariDataSource(config);
  }
}
