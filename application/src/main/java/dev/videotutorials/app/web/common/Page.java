package dev.videotutorials.app.web.common;

/**
 * What the layout needs to frame a page: its title, the highlighted navigation entry, the
 * logged-in user (null when anonymous), the CSRF token for the page's forms (including the
 * navbar's log-out form), the request's trace id, and, for pages that wait on something, the
 * seconds after which the browser reloads it (0: never).
 */
public record Page(String title, Nav nav, String userId, String csrfToken, String traceId, int refreshSeconds) {

  public boolean loggedIn() {
    return userId != null;
  }

  public boolean active(Nav entry) {
    return nav == entry;
  }

  public Page refreshingEvery(int seconds) {
    return new Page(title, nav, userId, csrfToken, traceId, seconds);
  }

  public static String bootstrapCss() {
    return Assets.BOOTSTRAP + "/css/bootstrap.min.css";
  }

  public static String bootstrapJs() {
    return Assets.BOOTSTRAP + "/js/bootstrap.bundle.min.js";
  }
}
