package dev.videotutorials.app.web.recordviewings;

import java.util.regex.Pattern;

/**
 * Which video ids the site accepts: 1 to 100 ASCII letters, digits, {@code -} and {@code _}. That
 * covers numbers (the original's {@code 12345}) and UUIDs, and keeps stream names
 * ({@code viewing-{videoId}}) free of the store's separators {@code +} and {@code :}.
 */
public final class VideoIds {

  public static final String RULE = "A video id is 1 to 100 letters, digits, '-' or '_'.";

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  private VideoIds() {
  }

  public static boolean isValid(String videoId) {
    return videoId != null && VALID.matcher(videoId).matches();
  }
}
