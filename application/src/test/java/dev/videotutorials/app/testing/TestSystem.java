package dev.videotutorials.app.testing;

import dev.videotutorials.app.system.ConsumerCatalog;
import dev.videotutorials.app.system.Settings;
import dev.videotutorials.app.system.VideoTutorials;
import dev.videotutorials.app.web.common.LoginThrottle;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.consumer.Consumer;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.net.URI;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The system as one process against two fresh databases of the test PostgreSQL server (the store
 * and the views), its web server on a free port.
 */
public final class TestSystem implements AutoCloseable {

  public static final String COOKIE_SECRET = "test-cookie-secret-of-at-least-32-characters";

  /** A catalog with no consumers. */
  public static final ConsumerCatalog.Factory NO_CONSUMERS = (store, view, settings) -> new ConsumerCatalog() {
    @Override
    public List<Consumer> aggregators() {
      return List.of();
    }

    @Override
    public List<Consumer> components() {
      return List.of();
    }
  };

  private final TestDatabase storeDatabase;
  private final TestDatabase viewDatabase;
  private final VideoTutorials system;
  private final MessageStore store;

  private TestSystem(TestDatabase storeDatabase, TestDatabase viewDatabase, VideoTutorials system) {
    this.storeDatabase = storeDatabase;
    this.viewDatabase = viewDatabase;
    this.system = system;
    this.store = new MessageStore(storeDatabase.dataSource());
  }

  public static TestSystem start() {
    return start(Map.of(), NO_CONSUMERS, LoginThrottle.Limits.DEFAULT);
  }

  public static TestSystem start(Map<String, String> environment, ConsumerCatalog.Factory catalog, LoginThrottle.Limits limits) {
    TestDatabase storeDatabase = TestDatabase.withMessageStore();
    TestDatabase viewDatabase = TestDatabase.empty();
    try {
      Map<String, String> env = new HashMap<>();
      env.put("MESSAGE_STORE_CONNECTION_STRING", storeDatabase.url());
      env.put("DATABASE_URL", viewDatabase.url());
      env.put("PORT", "0");
      env.put("HOST", "127.0.0.1");
      env.put("COOKIE_SECRET", COOKIE_SECRET);
      env.put("DATA_DIRECTORY", Files.createTempDirectory("video-tutorials-test").toString());
      env.putAll(environment);
      VideoTutorials system = VideoTutorials.start(Settings.fromEnvironment(env), catalog, limits);
      ensureViewTables(viewDatabase.dataSource());
      return new TestSystem(storeDatabase, viewDatabase, system);
    } catch (Exception e) {
      storeDatabase.close();
      viewDatabase.close();
      throw new IllegalStateException("Cannot start the test system: " + e.getMessage(), e);
    }
  }

  public URI url() {
    return system.url();
  }

  public WebClient newClient() {
    return new WebClient(system.url());
  }

  public MessageStore store() {
    return store;
  }

  public VideoTutorials system() {
    return system;
  }

  public TestDatabase viewDatabase() {
    return viewDatabase;
  }

  /** Runs one statement with bound parameters on the view database. */
  public void viewSql(String sql, Object... parameters) {
    try (Connection connection = viewDatabase.dataSource().getConnection();
         PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The view tables the aggregators own ({@code pages}, {@code user_credentials}) come with their
   * migration V1 on branch app-components; until it is merged, tests create them the same way.
   */
  public static void ensureViewTables(DataSource view) throws SQLException {
    try (Connection connection = view.getConnection();
         PreparedStatement statement = connection.prepareStatement("""
             CREATE TABLE IF NOT EXISTS pages (page_name varchar(255) PRIMARY KEY, page_data jsonb NOT NULL DEFAULT '{}');
             CREATE TABLE IF NOT EXISTS user_credentials (
               id varchar(255) PRIMARY KEY, email varchar(255) NOT NULL, password_hash varchar(255) NOT NULL)
             """)) {
      statement.execute();
    }
  }

  @Override
  public void close() {
    try {
      system.close();
    } finally {
      storeDatabase.close();
      viewDatabase.close();
    }
  }
}
