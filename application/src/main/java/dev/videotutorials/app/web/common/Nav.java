package dev.videotutorials.app.web.common;

/** The navigation entry a page belongs to, highlighted in the navbar. */
public enum Nav {
  HOME,
  CREATORS_PORTAL,
  REGISTER,
  LOG_IN,
  NONE
}
