package dev.videotutorials.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** On a phone-sized screen the navbar collapses behind its toggler and every page still fits. */
class PhoneBrowserTest extends BrowserTest {

  @Override
  protected int[] viewport() {
    return new int[] {390, 844};
  }

  @Test
  void theNavbarCollapsesAndItsTogglerRevealsTheLinks() {
    visitor.open("/");
    assertThat((Long) visitor.script("return window.innerWidth")).isLessThan(768L);
    assertThat(visitor.element("nav-toggle").isDisplayed()).isTrue();
    assertThat(visitor.element("nav-register").isDisplayed()).isFalse();
    assertThat(visitor.element("record-viewing-button").isDisplayed()).isTrue();
    assertFitsTheScreen();
    visitor.screenshot("home-collapsed");

    visitor.click("nav-toggle");
    visitor.waitUntil("the navbar to open", () -> visitor.element("nav-register").isDisplayed()
        && "true".equals(visitor.element("nav-toggle").getDomAttribute("aria-expanded")));
    visitor.waitUntil("the navbar to finish opening",
        () -> !visitor.element("main-nav").getDomAttribute("class").contains("collapsing"));
    assertThat(visitor.element("nav-log-in").isDisplayed()).isTrue();
    visitor.screenshot("home-navbar-open");

    visitor.clickAndLoad("nav-register");
    assertThat(visitor.path()).isEqualTo("/register");
    assertThat(visitor.element("register-button").isDisplayed()).isTrue();
    assertFitsTheScreen();
    visitor.screenshot("register");
  }

  @Test
  void theFormsFitAndWorkOnAPhone() {
    visitor.open("/register");
    visitor.type("email", "phone@example.com");
    visitor.type("password", "short");
    visitor.clickAndLoad("register-button");
    assertThat(visitor.text("password-error")).isEqualTo("Password is too short (minimum is 8 characters)");
    assertFitsTheScreen();
    visitor.screenshot("register-error");

    visitor.open("/auth/log-in");
    assertThat(visitor.element("log-in-button").isDisplayed()).isTrue();
    assertFitsTheScreen();
    visitor.screenshot("log-in");
  }

  /** Nothing sticks out sideways: the page never needs horizontal scrolling. */
  private void assertFitsTheScreen() {
    Long contentWidth = (Long) visitor.script("return document.documentElement.scrollWidth");
    Long screenWidth = (Long) visitor.script("return document.documentElement.clientWidth");
    assertThat(contentWidth).isLessThanOrEqualTo(screenWidth);
  }
}
