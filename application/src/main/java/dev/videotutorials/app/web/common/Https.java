package dev.videotutorials.app.web.common;

import io.javalin.http.Context;
import java.util.Locale;

/** Whether the visitor reached us over HTTPS, directly or through a proxy that says so. */
final class Https {

  private Https() {
  }

  static boolean isSecure(Context ctx) {
    if ("https".equalsIgnoreCase(ctx.scheme())) {
      return true;
    }
    String forwarded = ctx.header("X-Forwarded-Proto");
    if (forwarded == null) {
      return false;
    }
    String first = forwarded.split(",")[0].trim().toLowerCase(Locale.ROOT);
    return first.equals("https");
  }
}
