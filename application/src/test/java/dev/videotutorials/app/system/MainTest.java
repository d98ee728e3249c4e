package dev.videotutorials.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.app.testing.WebClient;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entry point with the real components and aggregators, against the test PostgreSQL server. */
class MainTest {

  @TempDir
  Path dataDirectory;

  private TestDatabase store;
  private TestDatabase views;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void databases() {
    store = TestDatabase.empty();
    views = TestDatabase.empty();
  }

  @AfterEach
  void dropPools() {
    store.close();
    views.close();
  }

  @Test
  void anInvalidSettingIsOneLineOnStandardErrorAndNoSystem() {
    VideoTutorials system = run(Map.of("PORT", "eighty"));

    assertThat(system).isNull();
    assertThat(text(err)).isEqualTo("Configuration error: PORT must be a number from 0 to 65535 (got \"eighty\")\n");
    assertThat(text(out)).isEmpty();
  }

  @Test
  void aPortInUseIsOneLineToo() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

      VideoTutorials system = run(Map.of("PORT", Integer.toString(taken.getLocalPort())));

      assertThat(system).isNull();
      assertThat(text(err)).startsWith("Cannot start: Cannot serve HTTP on 127.0.0.1:" + taken.getLocalPort())
          .doesNotContain("\tat ").hasLineCount(1);
    }
  }

  @Test
  void registersLogsInAndCountsViewingsWithTheRealComponentsAndAggregators() throws Exception {
    VideoTutorials system = run(Map.of("PORT", "0"));
    assertThat(system).as(text(err)).isNotNull();
    try {
      assertThat(text(out)).startsWith("Video Tutorials is running at " + system.url());
      WebClient visitor = new WebClient(system.url());

      visitor.get("/register");
      WebClient.Response registered = visitor.post("/register", Map.of("email", "ada@example.com", "password", "analytical engine"));
      assertThat(registered.status()).isEqualTo(303);
      String outcomePath = registered.location();
      eventually(() -> visitor.get(outcomePath).body().contains("You have successfully registered!"));
      eventually(() -> emailFiles().anyMatch(file -> contains(file, "Welcome to the site!")));

      eventually(() -> {
        visitor.get("/auth/log-in");
        return visitor.post("/auth/log-in", Map.of("email", "ada@example.com", "password", "analytical engine")).status() == 303;
      });
      assertThat(visitor.get("/").body()).contains("nav-log-out");

      WebClient secondVisitor = new WebClient(system.url());
      secondVisitor.get("/register");
      WebClient.Response duplicate = secondVisitor.post("/register", Map.of("email", "ADA@example.com", "password", "another engine"));
      if (duplicate.status() == 303) {
        eventually(() -> secondVisitor.get(duplicate.location()).body().contains("Email already taken"));
      } else {
        assertThat(duplicate.body()).contains("already taken");
      }

      visitor.get("/");
      assertThat(visitor.post("/record-viewing/12345").status()).isEqualTo(302);
      eventually(() -> visitor.get("/").body().contains("Viewers have watched 1 video(s)."));

      WebClient.Response health = visitor.get("/health");
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.body()).contains("components:identity:command").contains("aggregators:home-page");
    } finally {
      system.close();
    }
  }

  private VideoTutorials run(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>();
    env.put("MESSAGE_STORE_CONNECTION_STRING", store.url());
    env.put("DATABASE_URL", views.url());
    env.put("HOST", "127.0.0.1");
    env.put("DATA_DIRECTORY", dataDirectory.toString());
    env.putAll(overrides);
    return Main.run(env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Stream<Path> emailFiles() throws IOException {
    Path emails = dataDirectory.resolve("emails");
    return Files.isDirectory(emails) ? Files.list(emails).filter(file -> file.toString().endsWith(".eml")) : Stream.empty();
  }

  private static boolean contains(Path file, String text) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void eventually(Condition condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.holds()) {
      assertThat(System.nanoTime()).as("condition still false after 20 s").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
