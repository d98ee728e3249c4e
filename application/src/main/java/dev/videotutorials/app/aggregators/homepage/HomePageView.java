package dev.videotutorials.app.aggregators.homepage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videotutorials.messagestore.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code pages} row {@code home}: {@code page_data = {videosWatched, lastViewProcessed}}.
 * A view is counted only if its global position is past the last one counted, so a view
 * delivered again changes nothing.
 */
public final class HomePageView {

  public static final String PAGE_NAME = "home";

  private static final String COUNT_VIEW = """
      INSERT INTO pages (page_name, page_data)
      VALUES ('home', jsonb_build_object('videosWatched', 1, 'lastViewProcessed', ?::bigint))
      ON CONFLICT (page_name) DO UPDATE
      SET page_data = pages.page_data || jsonb_build_object(
          'videosWatched', COALESCE((pages.page_data ->> 'videosWatched')::bigint, 0) + 1,
          'lastViewProcessed', EXCLUDED.page_data -> 'lastViewProcessed')
      WHERE COALESCE((pages.page_data ->> 'lastViewProcessed')::bigint, 0)
          < (EXCLUDED.page_data ->> 'lastViewProcessed')::bigint
      """;
  private static final String READ = "SELECT page_data FROM pages WHERE page_name = 'home'";

  private final DataSource viewDatabase;

  public HomePageView(DataSource viewDatabase) {
    this.viewDatabase = Objects.requireNonNull(viewDatabase, "viewDatabase");
  }

  /** Counts the view at {@code globalPosition}; returns false when it was counted before. */
  public boolean countView(long globalPosition) throws SQLException {
    try (Connection connection = viewDatabase.getConnection();
         PreparedStatement statement = connection.prepareStatement(COUNT_VIEW)) {
      statement.setLong(1, globalPosition);
      return statement.executeUpdate() == 1;
    }
  }

  /** The home page's data, if the row exists. */
  public Optional<HomePage> read() throws SQLException {
    try (Connection connection = viewDatabase.getConnection();
         PreparedStatement statement = connection.prepareStatement(READ);
         ResultSet rs = statement.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      JsonNode data = Json.MAPPER.readTree(rs.getString(1));
      return Optional.of(new HomePage(data.path("videosWatched").asLong(0), data.path("lastViewProcessed").asLong(0)));
    } catch (IOException e) {
      throw new UncheckedIOException("The home page's data is not JSON", e);
    }
  }
}
