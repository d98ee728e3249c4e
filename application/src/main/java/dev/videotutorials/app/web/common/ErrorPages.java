package dev.videotutorials.app.web.common;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error answer is a page in the site's layout with a status and a message. Server errors
 * are logged with their trace id and stack trace; the visitor sees only the trace id.
 */
public final class ErrorPages {

  private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
  private static final String RENDERED = ErrorPages.class.getName() + ".rendered";

  private static final Map<Integer, String> HEADINGS = Map.ofEntries(
      Map.entry(400, "Bad request"),
      Map.entry(401, "Not logged in"),
      Map.entry(403, "Forbidden"),
      Map.entry(404, "Page not found"),
      Map.entry(405, "Method not allowed"),
      Map.entry(413, "Request too large"),
      Map.entry(415, "Unsupported request"),
      Map.entry(429, "Too many requests"),
      Map.entry(431, "Request headers too large"),
      Map.entry(503, "Service unavailable"));

  private static final String NOT_FOUND =
      "There is no page at this address. Check the link, or start again from the home page.";

  private final Views views;

  public ErrorPages(Views views) {
    this.views = views;
  }

  /** For requests no route matched; a route's own 404 (with its message) is left as it is. */
  public void notFound(Context ctx) {
    if (ctx.attribute(RENDERED) == null) {
      render(ctx, 404, NOT_FOUND);
    }
  }

  public void methodNotAllowed(Context ctx) {
    if (ctx.attribute(RENDERED) == null) {
      render(ctx, 405, methodNotAllowedMessage(ctx));
    }
  }

  /**
   * Our own 4xx answers carry their message. Javalin's (no route for the path, or not for the
   * method, oversized bodies) carry the status's name or internals, replaced here.
   */
  public void httpError(HttpResponseException e, Context ctx) {
    if (e.getStatus() >= 500) {
      serverError(e, ctx);
      return;
    }
    HttpStatus status = HttpStatus.forStatus(e.getStatus());
    String message = e.getMessage();
    boolean unmatched = ctx.endpoints().matchedHttpEndpoint() == null;
    if (unmatched || message == null || message.isBlank() || message.equals(status.getMessage())) {
      message = switch (e.getStatus()) {
        case 404 -> NOT_FOUND;
        case 405 -> methodNotAllowedMessage(ctx);
        case 413 -> RequestLimits.tooLarge().getMessage();
        default -> "The request was not accepted (" + status.getMessage() + ").";
      };
    }
    render(ctx, e.getStatus(), message);
  }

  public void serverError(Exception e, Context ctx) {
    log.error("Request {} {} failed (trace id {})", ctx.method(), ctx.path(), RequestTrace.traceId(ctx), e);
    render(ctx, 500, "Something went wrong on our side. Please try again in a moment.");
  }

  private static String methodNotAllowedMessage(Context ctx) {
    return "This address does not accept " + ctx.method().name() + " requests.";
  }

  private void render(Context ctx, int status, String message) {
    ctx.attribute(RENDERED, true);
    ctx.status(status);
    String heading = status >= 500 ? "Something went wrong" : HEADINGS.getOrDefault(status, "Request not accepted");
    views.render(ctx, "common/error.jte", new ErrorView(page(ctx, heading), status, heading, message));
  }

  /** The layout's page; when the session cannot be read (the database is down) an anonymous one. */
  private Page page(Context ctx, String title) {
    try {
      return views.page(ctx, title, Nav.NONE);
    } catch (RuntimeException e) {
      WebSession session = views.sessions().loadedOrNull(ctx);
      return new Page(title, Nav.NONE, session == null ? null : session.userId(),
          session == null ? "" : session.csrfToken(), RequestTrace.traceId(ctx), 0);
    }
  }
}
