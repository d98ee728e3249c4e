package dev.videotutorials.messagestore.consumer;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Opens the dedicated connection on which a consumer holds its subscription lock. The
 * connection must be a session of its own: closing it must end the session (and so release
 * the lock), which a pooled connection does not.
 */
@FunctionalInterface
public interface LockConnections {

  Connection open() throws SQLException;

  /**
   * Connections like those of {@code dataSource} but outside its pool when it is a Hikari pool;
   * otherwise connections from the data source itself (a pool works too: the lock is released
   * explicitly before the connection is returned, but it then occupies one pooled connection).
   */
  static LockConnections like(DataSource dataSource) {
    if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() == null && hikari.getDataSource() != null) {
      return hikari.getDataSource()::getConnection;
    }
    if (dataSource instanceof HikariDataSource hikari) {
      return () -> {
        Properties properties = new Properties();
        properties.putAll(hikari.getDataSourceProperties());
        if (hikari.getUsername() != null) {
          properties.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
          properties.setProperty("password", hikari.getPassword());
        }
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
      };
    }
    return dataSource::getConnection;
  }
}
