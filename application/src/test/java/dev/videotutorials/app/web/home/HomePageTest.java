package dev.videotutorials.app.web.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.app.testing.TestSystem;
import dev.videotutorials.app.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HomePageTest {

  private static TestSystem system;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @BeforeEach
  void clearPages() {
    system.viewSql("DELETE FROM pages");
  }

  @Test
  void showsZeroVideosWatchedBeforeTheAggregatorWroteThePage() {
    WebClient.Response home = system.newClient().get("/");

    assertThat(home.status()).isEqualTo(200);
    assertThat(home.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(home.body()).contains("Viewers have watched 0 video(s).");
  }

  @Test
  void showsTheCountOfTheHomePageRow() {
    system.viewSql("INSERT INTO pages (page_name, page_data) VALUES ('home', '{\"videosWatched\": 42, \"lastViewProcessed\": 99}')");

    assertThat(system.newClient().get("/").body()).contains("Viewers have watched 42 video(s).");
  }

  @Test
  void hasTheLayoutNavigationAndARecordViewingFormWithACsrfToken() {
    String body = system.newClient().get("/").body();

    assertThat(body)
        .contains("<meta name=\"viewport\"")
        .contains("id=\"nav-brand\">Video Tutorials</a>")
        .contains("id=\"nav-home\">Home</a>")
        .contains("href=\"/creators-portal\" id=\"nav-creators-portal\">Creator's Portal</a>")
        .contains("id=\"nav-register\">Register</a>")
        .contains("id=\"nav-log-in\">Log In</a>")
        .doesNotContain("nav-log-out")
        .contains("action=\"/record-viewing/12345\"")
        .containsPattern("name=\"_csrf\" value=\"[A-Za-z0-9_-]{43}\"")
        .contains("/webjars/bootstrap/5.3.8/css/bootstrap.min.css");
  }

  @Test
  void servesBootstrapFromTheWebJar() {
    WebClient.Response css = system.newClient().get("/webjars/bootstrap/5.3.8/css/bootstrap.min.css");

    assertThat(css.status()).isEqualTo(200);
    assertThat(css.body()).contains("Bootstrap");
    assertThat(system.newClient().get("/webjars/bootstrap/5.3.8/js/bootstrap.bundle.min.js").status()).isEqualTo(200);
    assertThat(system.newClient().get("/assets/site.css").status()).isEqualTo(200);
  }
}
