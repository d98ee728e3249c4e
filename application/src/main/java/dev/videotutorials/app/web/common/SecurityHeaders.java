package dev.videotutorials.app.web.common;

import io.javalin.http.Context;

/** Headers that keep pages from being framed, sniffed or fed foreign scripts. */
public final class SecurityHeaders {

  private static final String CONTENT_SECURITY_POLICY = String.join("; ",
      "default-src 'self'",
      "img-src 'self' data:",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'");

  private SecurityHeaders() {
  }

  public static void apply(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "same-origin");
  }
}
