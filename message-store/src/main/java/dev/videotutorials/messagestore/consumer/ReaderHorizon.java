package dev.videotutorials.messagestore.consumer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's reader horizon: no message below it can still appear. A consumer whose reads are
 * filtered on the server (correlation, consumer group) and come back short may move its
 * position up to just below the horizon taken <em>before</em> the read, so that messages it
 * will never be given do not have to be scanned again and again. Stores without the function
 * (a stock Message DB) simply do not get this.
 */
final class ReaderHorizon {

  private static final Logger log = LoggerFactory.getLogger(ReaderHorizon.class);
  private static final String UNDEFINED_FUNCTION = "42883";

  private final DataSource dataSource;
  private volatile boolean available = true;

  ReaderHorizon(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The horizon, or null when the store has none. */
  Long read() {
    if (!available) {
      return null;
    }
    try (Connection connection = dataSource.getConnection();
         Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT message_store.reader_horizon()")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      if (UNDEFINED_FUNCTION.equals(e.getSQLState())) {
        log.info("The message store has no reader_horizon(); filtered consumers advance with their messages only");
        available = false;
        return null;
      }
      throw new IllegalStateException("Reading the reader horizon failed: " + e.getMessage(), e);
    }
  }
}
