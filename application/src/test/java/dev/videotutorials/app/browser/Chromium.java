package dev.videotutorials.app.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both named explicitly so that
 * Selenium Manager never looks for (or downloads) a browser or a driver. Flags keep the browser
 * off the network apart from the site under test. A missing browser fails the test: CI installs
 * the packages ({@code .ci/run}), so a skip would hide a broken set-up.
 */
final class Chromium {

  static final String BINARY = System.getProperty("chromium.binary", "/usr/bin/chromium");
  static final String DRIVER = System.getProperty("chromedriver", "/usr/bin/chromedriver");

  private Chromium() {
  }

  /** A new browser with its own fresh profile, its window {@code width × height} CSS pixels. */
  static ChromeDriver start(Path profileDirectory, int width, int height) {
    requireExecutable(BINARY, "chromium");
    requireExecutable(DRIVER, "chromium-driver");
    System.setProperty("SE_AVOID_STATS", "true");
    try {
      Files.createDirectories(profileDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--hide-scrollbars",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + profileDirectory.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(DRIVER).toFile())
        .usingAnyFreePort()
        .withSilent(true)
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().window().setSize(new Dimension(width, height));
    return driver;
  }

  private static void requireExecutable(String path, String debianPackage) {
    if (!Files.isExecutable(Path.of(path))) {
      throw new IllegalStateException("Browser tests need " + path + " (Debian package " + debianPackage
          + "): apt-get install chromium chromium-driver (.ci/run installs them)");
    }
  }
}
