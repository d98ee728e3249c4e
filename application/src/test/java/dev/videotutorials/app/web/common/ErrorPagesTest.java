package dev.videotutorials.app.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.app.testing.TestSystem;
import dev.videotutorials.app.testing.WebClient;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ErrorPagesTest {

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
  void aFailingRequestShowsA500PageWithATraceIdAndNoStackTrace() {
    system.viewSql("ALTER TABLE pages RENAME TO pages_moved_away");
    try {
      WebClient.Response response = system.newClient().get("/");

      assertThat(response.status()).isEqualTo(500);
      assertThat(response.body())
          .contains("id=\"error-heading\">Something went wrong</h1>")
          .contains("id=\"nav-brand\">Video Tutorials</a>")
          .doesNotContain("Exception")
          .doesNotContain("pages")
          .doesNotContain("at dev.videotutorials");
      Matcher traceId = Pattern.compile("<code id=\"trace-id\">([0-9a-f-]{36})</code>").matcher(response.body());
      assertThat(traceId.find()).isTrue();
      assertThat(UUID.fromString(traceId.group(1)).version()).isEqualTo(4);
    } finally {
      system.viewSql("ALTER TABLE pages_moved_away RENAME TO pages");
    }
  }

  @Test
  void clientErrorsShowNoTraceId() {
    WebClient.Response response = system.newClient().get("/missing");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).contains("id=\"error-status\">Error 404</p>").doesNotContain("trace-id");
  }
}
