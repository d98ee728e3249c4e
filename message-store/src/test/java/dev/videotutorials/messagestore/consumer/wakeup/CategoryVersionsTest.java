package dev.videotutorials.messagestore.consumer.wakeup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CategoryVersionsTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final CategoryVersions versions = new CategoryVersions(Duration.ofSeconds(1));

  @Test
  void aNotificationMovesItsCategoryAndAllMessagesButNotOthers() {
    long account = versions.version("account");
    long video = versions.version("video");
    long all = versions.version(null);

    versions.notified(List.of("account"), 10 * SECOND);

    assertThat(versions.version("account")).isGreaterThan(account);
    assertThat(versions.version("video")).isEqualTo(video);
    assertThat(versions.version(null)).isGreaterThan(all);
  }

  @Test
  void aRecentlyNotifiedCategoryIsWokenAgainByOtherCategoriesWithinTheWindow() {
    versions.version("account");
    versions.version("video");
    versions.notified(List.of("account"), 10 * SECOND);
    long afterFirst = versions.version("account");

    versions.notified(List.of("video"), 10 * SECOND + SECOND / 2);
    long withinWindow = versions.version("account");
    versions.notified(List.of("video"), 12 * SECOND);

    assertThat(withinWindow).isGreaterThan(afterFirst);
    assertThat(versions.version("account")).isEqualTo(withinWindow);
  }

  @Test
  void anEmptyCategoryWakesEveryone() {
    long account = versions.version("account");
    long all = versions.version(null);

    versions.notified(List.of(""), SECOND);

    assertThat(versions.version("account")).isGreaterThan(account);
    assertThat(versions.version(null)).isGreaterThan(all);
  }

  @Test
  void awaitReturnsAtOnceForAWakeUpThatCameBeforeIt() throws Exception {
    long seen = versions.version("account");
    versions.notified(List.of("account"), SECOND);

    CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> awaitQuietly("account", seen, Duration.ofMinutes(5)));

    waiting.get(30, TimeUnit.SECONDS);
  }

  @Test
  void awaitEndsWhenItsCategoryIsNotified() throws Exception {
    long seen = versions.version("account");
    CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> awaitQuietly("account", seen, Duration.ofMinutes(5)));

    versions.notified(List.of("account"), SECOND);

    waiting.get(30, TimeUnit.SECONDS);
  }

  @Test
  void awaitEndsAfterItsTimeoutWithoutNotification() throws Exception {
    long seen = versions.version("account");
    CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> awaitQuietly("account", seen, Duration.ofMillis(20)));

    waiting.get(30, TimeUnit.SECONDS);
    assertThat(versions.version("account")).isEqualTo(seen);
  }

  private void awaitQuietly(String category, long seen, Duration timeout) {
    try {
      versions.await(category, seen, timeout);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
