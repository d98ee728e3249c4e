package dev.videotutorials.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.app.testing.TestSystem;
import dev.videotutorials.app.testing.WebClient;
import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.NewMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default run: an embedded PostgreSQL whose data survives a restart. */
class StartupTest {

  @TempDir
  Path dataDirectory;

  @Test
  void startsOnAnEmbeddedServerAndKeepsItsDataAcrossARestart() throws Exception {
    Settings settings = Settings.fromEnvironment(Map.of(
        "DATA_DIRECTORY", dataDirectory.toString(), "PORT", "0", "HOST", "127.0.0.1"));
    WebClient visitor;
    String userId;
    String secret;
    int migrations;

    try (VideoTutorials first = VideoTutorials.start(settings, TestSystem.NO_CONSUMERS)) {
      assertThat(first.embeddedPostgresPort()).isPositive();
      assertThat(Files.isDirectory(dataDirectory.resolve("postgres"))).isTrue();
      try (HikariDataSource views = pool(first, "video_tutorials")) {
        migrations = appliedMigrations(views);
      }
      visitor = new WebClient(first.url());
      assertThat(visitor.get("/").status()).isEqualTo(200);
      visitor.get("/register");
      WebClient.Response registered = visitor.post("/register", Map.of("email", "restart@example.com", "password", "long enough"));
      assertThat(registered.status()).isEqualTo(303);
      userId = registered.location().substring("/register/".length());
      secret = Files.readString(dataDirectory.resolve("cookie-secret")).trim();
      assertThat(secret).hasSize(64);
    }

    try (VideoTutorials second = VideoTutorials.start(settings, TestSystem.NO_CONSUMERS)) {
      try (HikariDataSource store = pool(second, "message_store"); HikariDataSource views = pool(second, "video_tutorials")) {
        MessageStore messageStore = new MessageStore(store);
        assertThat(messageStore.readStream("identity:command-" + userId)).hasSize(1);
        assertThat(appliedMigrations(views)).isEqualTo(migrations);
        messageStore.write("identity-" + userId, NewMessage.of("Registered",
            JsonObject.of("userId", userId, "email", "restart@example.com", "passwordHash", "$2b$10$x")));
      }
      assertThat(Files.readString(dataDirectory.resolve("cookie-secret")).trim()).isEqualTo(secret);

      WebClient again = new WebClient(second.url());
      again.useSessionId(visitor.sessionId());
      WebClient.Response outcome = again.get("/register/" + userId);
      assertThat(outcome.status()).isEqualTo(200);
      assertThat(outcome.body()).contains("You have successfully registered!");
    }
  }

  private static HikariDataSource pool(VideoTutorials system, String database) {
    ConnectionString connection = new ConnectionString(
        "jdbc:postgresql://localhost:" + system.embeddedPostgresPort() + "/" + database, "postgres", null);
    return Databases.pool(connection, "startup-test", 2);
  }

  private static int appliedMigrations(HikariDataSource views) throws Exception {
    try (Connection connection = views.getConnection(); Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
