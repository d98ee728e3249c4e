package dev.videotutorials.app.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One running site and one headless Chromium per test class, shared by its tests; every test
 * starts as a new visitor (no cookies).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

  protected Site site;
  protected Visitor visitor;
  private ChromeDriver browser;
  private Path temporary;

  /** The browser window's size in CSS pixels; a laptop's unless a test class says otherwise. */
  protected int[] viewport() {
    return new int[] {1280, 900};
  }

  @BeforeAll
  void startSiteAndBrowser() throws IOException {
    temporary = Files.createTempDirectory("browser-test");
    int[] size = viewport();
    browser = Chromium.start(temporary.resolve("chromium-profile"), size[0], size[1]);
    site = Site.start(temporary.resolve("emails"));
    visitor = new Visitor(browser, site.url(), getClass().getSimpleName());
  }

  @BeforeEach
  void newVisitor() {
    visitor.open("/health");
    visitor.forgetSession();
  }

  @AfterAll
  void stopBrowserAndSite() throws IOException {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      if (site != null) {
        site.close();
      }
      deleteRecursively(temporary);
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
