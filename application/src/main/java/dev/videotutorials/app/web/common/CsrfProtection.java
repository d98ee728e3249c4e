package dev.videotutorials.app.web.common;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;

/** Every state-changing request must carry the session's CSRF token in the form field {@value CsrfTokens#FIELD}. */
public final class CsrfProtection {

  private final Sessions sessions;

  public CsrfProtection(Sessions sessions) {
    this.sessions = sessions;
  }

  public void check(Context ctx) {
    if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD || ctx.method() == HandlerType.OPTIONS) {
      return;
    }
    String submitted = Form.of(ctx).value(CsrfTokens.FIELD);
    if (!sessions.csrfTokenMatches(ctx, submitted)) {
      throw new ForbiddenResponse(submitted == null
          ? "The form was sent without its security token. Go back, reload the page and try again."
          : "The form's security token does not match your session (it may have expired). "
              + "Go back, reload the page and try again.");
    }
  }
}
