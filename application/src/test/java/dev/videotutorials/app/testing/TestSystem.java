package dev.videotutorials.app.testing;

import dev.videotutorials.app.system.ConsumerCatalog;
import dev.videotutorials.app.system.Settings;
import dev.videotutorials.app.system.VideoTutorials;
import dev.videotutorials.app.web.common.LoginThrottle;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.consumer.Consumer;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

  private final Path dataDirectory;

  private TestSystem(TestDatabase storeDatabase, TestDatabase viewDatabase, VideoTutorials system, Path dataDirectory) {
    this.dataDirectory = dataDirectory;
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
    Path dataDirectory = null;
    try {
      dataDirectory = Files.createTempDirectory("video-tutorials-test");
      Map<String, String> env = new HashMap<>();
      env.put("MESSAGE_STORE_CONNECTION_STRING", storeDatabase.url());
      env.put("DATABASE_URL", viewDatabase.url());
      env.put("PORT", "0");
      env.put("HOST", "127.0.0.1");
      env.put("COOKIE_SECRET", COOKIE_SECRET);
      env.put("DATA_DIRECTORY", dataDirectory.toString());
      env.putAll(environment);
      VideoTutorials system = VideoTutorials.start(Settings.fromEnvironment(env), catalog, limits);
      return new TestSystem(storeDatabase, viewDatabase, system, dataDirectory);
    } catch (Exception e) {
      storeDatabase.close();
      viewDatabase.close();
      deleteRecursively(dataDirectory);
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

  @Override
  public void close() {
    try {
      system.close();
    } finally {
      storeDatabase.close();
      viewDatabase.close();
      deleteRecursively(dataDirectory);
    }
  }

  private static void deleteRecursively(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
