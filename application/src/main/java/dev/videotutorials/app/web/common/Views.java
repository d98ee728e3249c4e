package dev.videotutorials.app.web.common;

import dev.videotutorials.messagestore.Metadata;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * Renders the precompiled jte templates (HTML-escaped by default) and builds what every page
 * and every message of a request share: the layout's {@link Page} and the messages'
 * {@link Metadata}.
 */
public final class Views {

  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final Sessions sessions;

  public Views(Sessions sessions) {
    this.sessions = sessions;
  }

  public Sessions sessions() {
    return sessions;
  }

  public WebSession session(Context ctx) {
    return sessions.current(ctx);
  }

  public Page page(Context ctx, String title, Nav nav) {
    WebSession session = sessions.current(ctx);
    return new Page(title, nav, session.userId(), session.csrfToken(), RequestTrace.traceId(ctx), 0);
  }

  /** {@code traceId} of the request and {@code userId} of the logged-in user, if any. */
  public Metadata metadata(Context ctx) {
    return Metadata.empty().withTraceId(RequestTrace.traceId(ctx)).withUserId(sessions.current(ctx).userId());
  }

  /**
   * Renders {@code template} (a path under src/main/jte) with its single parameter. Pages carry
   * the visitor's session state and CSRF token, so no cache may keep them.
   */
  public void render(Context ctx, String template, Object view) {
    StringOutput output = new StringOutput();
    templates.render(template, view, output);
    ctx.header("Cache-Control", "no-store").contentType("text/html; charset=utf-8").result(output.toString());
  }
}
