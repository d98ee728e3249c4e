package dev.videotutorials.app.web.home;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Reads the home page's view data: the {@code pages} row {@code home} the home-page aggregator keeps. */
final class HomePageQueries {

  private final DataSource viewDatabase;

  HomePageQueries(DataSource viewDatabase) {
    this.viewDatabase = viewDatabase;
  }

  /** {@code page_data.videosWatched}; 0 until the aggregator has written the row. */
  long videosWatched() {
    String sql = "SELECT page_data ->> 'videosWatched' FROM pages WHERE page_name = 'home'";
    try (Connection connection = viewDatabase.getConnection();
         PreparedStatement statement = connection.prepareStatement(sql);
         ResultSet rs = statement.executeQuery()) {
      if (!rs.next() || rs.getString(1) == null) {
        return 0;
      }
      return Long.parseLong(rs.getString(1));
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the home page data failed: " + e.getMessage(), e);
    }
  }
}
