package dev.videotutorials.app.web.recordviewings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.app.testing.TestSystem;
import dev.videotutorials.app.testing.WebClient;
import dev.videotutorials.app.web.common.Passwords;
import dev.videotutorials.messagestore.Message;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordViewingTest {

  private static TestSystem system;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void anonymousViewingWritesVideoViewedWithoutAUserAndRedirectsHome() {
    String videoId = "video-" + UUID.randomUUID();
    WebClient.Response response = system.newClient().post("/record-viewing/" + videoId);

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.location()).isEqualTo("/");
    List<Message> messages = system.store().readStream("viewing-" + videoId);
    assertThat(messages).hasSize(1);
    Message viewed = messages.get(0);
    assertThat(viewed.type()).isEqualTo("VideoViewed");
    assertThat(viewed.data().toJson()).isEqualTo("{\"videoId\":\"" + videoId + "\"}");
    assertThat(viewed.metadata().fields().fieldNames()).containsExactly("traceId");
    assertThat(UUID.fromString(viewed.metadata().traceId()).version()).isEqualTo(4);
  }

  @Test
  void aLoggedInViewerIsRecordedInDataAndMetadata() {
    String userId = UUID.randomUUID().toString();
    String email = "viewer-" + userId + "@example.com";
    system.viewSql("INSERT INTO user_credentials (id, email, password_hash) VALUES (?, ?, ?)",
        userId, email, Passwords.hash("viewer password"));
    WebClient viewer = system.newClient();
    viewer.get("/auth/log-in");
    assertThat(viewer.post("/auth/log-in", Map.of("email", email, "password", "viewer password")).status()).isEqualTo(303);
    viewer.get("/");

    assertThat(viewer.post("/record-viewing/12345").status()).isEqualTo(302);

    Message viewed = system.store().readLast("viewing-12345").orElseThrow();
    assertThat(viewed.data().string("userId")).isEqualTo(userId);
    assertThat(viewed.data().string("videoId")).isEqualTo("12345");
    assertThat(viewed.metadata().userId()).isEqualTo(userId);
    assertThat(viewed.metadata().traceId()).isNotBlank();
  }

  @Test
  void eachRequestHasItsOwnTraceId() {
    String videoId = UUID.randomUUID().toString();
    WebClient client = system.newClient();
    client.post("/record-viewing/" + videoId);
    client.get("/");
    client.post("/record-viewing/" + videoId);

    List<Message> messages = system.store().readStream("viewing-" + videoId);
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).metadata().traceId()).isNotEqualTo(messages.get(1).metadata().traceId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"<script>alert(1)</script>", "1';DROP TABLE pages;--", "a+b", "a:b", "a b",
      "é", "12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901"})
  void aMalformedVideoIdIsA400WithAMessageAndWritesNothing(String videoId) {
    long before = system.store().readAll(0, 10_000).size();
    String path = "/record-viewing/" + URLEncoder.encode(videoId, StandardCharsets.UTF_8).replace("+", "%20");

    WebClient.Response response = system.newClient().post(path);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("A video id is 1 to 100 letters, digits").doesNotContain("<script>alert");
    assertThat(system.store().readAll(0, 10_000)).hasSize((int) before);
  }

  @Test
  void aNulCharacterInThePathIsRefusedByTheServerItself() {
    WebClient.Response response = system.newClient().post("/record-viewing/a%00b");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
  }

  @Test
  void withoutAVideoIdThereIsNoSuchPage() {
    assertThat(system.newClient().post("/record-viewing/").status()).isEqualTo(404);
  }

  @Test
  void getIsNotAllowed() {
    WebClient.Response response = system.newClient().get("/record-viewing/12345");

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.body()).contains("This address does not accept GET requests.");
  }
}
