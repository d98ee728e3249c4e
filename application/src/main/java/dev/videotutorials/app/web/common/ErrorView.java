package dev.videotutorials.app.web.common;

/** An error page: the HTTP status, a short heading and a message for the visitor. */
public record ErrorView(Page page, int status, String heading, String message) {

  /** Server errors show the trace id so that a visitor can quote it; nothing else about the failure. */
  public boolean showsTraceId() {
    return status >= 500;
  }
}
