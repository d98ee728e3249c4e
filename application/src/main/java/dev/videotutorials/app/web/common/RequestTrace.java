package dev.videotutorials.app.web.common;

import io.javalin.http.Context;
import java.util.UUID;

/** Each request's trace id: a new UUID v4, written into the metadata of every message it causes. */
public final class RequestTrace {

  private static final String ATTRIBUTE = "traceId";

  private RequestTrace() {
  }

  public static void begin(Context ctx) {
    ctx.attribute(ATTRIBUTE, UUID.randomUUID().toString());
  }

  public static String traceId(Context ctx) {
    String traceId = ctx.attribute(ATTRIBUTE);
    if (traceId == null) {
      begin(ctx);
      traceId = ctx.attribute(ATTRIBUTE);
    }
    return traceId;
  }
}
