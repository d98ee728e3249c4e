package dev.videotutorials.app.web.common;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;

/**
 * Refuses request bodies over the limit before reading them, by their declared length. Bodies
 * without a declared length are cut off by Javalin's {@code maxRequestSize}, set to the same limit.
 */
public final class RequestLimits {

  public static final int MAX_BODY_BYTES = 16 * 1024;

  private RequestLimits() {
  }

  public static void check(Context ctx) {
    if (ctx.req().getContentLengthLong() > MAX_BODY_BYTES) {
      throw tooLarge();
    }
  }

  public static HttpResponseException tooLarge() {
    return new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(),
        "The request is larger than " + MAX_BODY_BYTES / 1024 + " KiB; forms here are much smaller.");
  }
}
