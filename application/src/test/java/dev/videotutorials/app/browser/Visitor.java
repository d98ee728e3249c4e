package dev.videotutorials.app.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Someone using the site in the browser: opens pages, types into fields and presses buttons,
 * waits for what a person would wait for (with a deadline, never a fixed pause), and keeps a
 * screenshot of every page it looks at under {@code target/screenshots/} for review.
 */
final class Visitor {

  static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String PAGE_MARK = "visitorSawThisPageBefore";

  private final ChromeDriver browser;
  private final URI site;
  private final String screenshotPrefix;
  private int screenshots;

  Visitor(ChromeDriver browser, URI site, String screenshotPrefix) {
    this.browser = browser;
    this.site = site;
    this.screenshotPrefix = screenshotPrefix;
  }

  /** Starts afresh, as someone who never visited the site: no cookies, so no session. */
  void forgetSession() {
    browser.manage().deleteAllCookies();
  }

  void open(String path) {
    browser.get(site.resolve(path).toString());
  }

  String path() {
    return URI.create(browser.getCurrentUrl()).getPath();
  }

  String title() {
    return browser.getTitle();
  }

  WebElement element(String id) {
    return browser.findElement(By.id(id));
  }

  boolean present(String id) {
    return !browser.findElements(By.id(id)).isEmpty();
  }

  /** The element's visible text, or null when the page has no such element. */
  String text(String id) {
    return present(id) ? element(id).getText() : null;
  }

  /** Clears the field and types {@code text} into it, key by key. */
  void type(String id, String text) {
    WebElement field = element(id);
    field.clear();
    field.sendKeys(text);
  }

  String fieldValue(String id) {
    return element(id).getDomProperty("value");
  }

  /**
   * Clicks and waits until the page the click led to has loaded: the old page's window carries a
   * mark that the new page's lacks (a new page may have the same address as the old one).
   */
  void clickAndLoad(String id) {
    browser.executeScript("window." + PAGE_MARK + " = true");
    element(id).click();
    new WebDriverWait(browser, PATIENCE, Duration.ofMillis(20))
        .ignoring(WebDriverException.class) // while the page changes, scripts may find no document
        .withMessage("waiting for the page after clicking #" + id + " to load")
        .until(driver -> Boolean.TRUE.equals(browser.executeScript(
            "return window." + PAGE_MARK + " === undefined && document.readyState === 'complete'")));
  }

  /** The address and the visible text of the page, for assertion messages. */
  String describe() {
    return browser.getCurrentUrl() + ":\n" + browser.findElement(By.tagName("body")).getText();
  }

  void click(String id) {
    element(id).click();
  }

  void waitUntil(String what, BooleanSupplier condition) {
    waitUntil(what, PATIENCE, condition);
  }

  void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
    new WebDriverWait(browser, timeout, Duration.ofMillis(50))
        .ignoring(NoSuchElementException.class)
        .ignoring(StaleElementReferenceException.class)
        .withMessage("waiting for " + what + " (on " + browser.getCurrentUrl() + ")")
        .until(driver -> condition.getAsBoolean());
  }

  /** Reloads the page until {@code condition} holds, as someone waiting for news would. */
  void reloadUntil(String what, BooleanSupplier condition) {
    waitUntil(what, () -> {
      if (condition.getAsBoolean()) {
        return true;
      }
      browser.navigate().refresh();
      return false;
    });
  }

  Object script(String javascript) {
    return browser.executeScript(javascript);
  }

  /** Saves what the visitor sees now as {@code target/screenshots/<prefix>-<nn>-<name>.png}. */
  Path screenshot(String name) {
    screenshots++;
    Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", screenshotPrefix, screenshots, name));
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
