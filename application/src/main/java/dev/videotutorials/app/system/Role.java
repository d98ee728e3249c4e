package dev.videotutorials.app.system;

import java.util.Locale;

/** What one process runs; the same build runs any combination of them. */
public enum Role {
  WEB,
  COMPONENTS,
  AGGREGATORS;

  /** The name used in {@code ROLES}. */
  public String settingName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
