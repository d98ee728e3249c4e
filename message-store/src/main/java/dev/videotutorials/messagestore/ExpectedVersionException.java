package dev.videotutorials.messagestore;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A write whose expected version did not match the stream's version: another writer got there
 * first. {@code actualVersion} is -1 for a stream with no messages.
 */
public final class ExpectedVersionException extends MessageStoreException {

  private static final Pattern SERVER_TEXT =
      Pattern.compile("^Wrong expected version: (-?\\d+) \\(Stream: (.*), Stream Version: (-?\\d+)\\)$", Pattern.DOTALL);

  private final String streamName;
  private final long expectedVersion;
  private final long actualVersion;

  public ExpectedVersionException(String streamName, long expectedVersion, long actualVersion, Throwable cause) {
    super("Wrong expected version for stream " + streamName + ": expected version " + expectedVersion
        + " but the stream is at version " + actualVersion, cause);
    this.streamName = streamName;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  /** Parses the store's error text; null when the text is not a version error. */
  static ExpectedVersionException fromServerText(String text, Throwable cause) {
    if (text == null) {
      return null;
    }
    Matcher matcher = SERVER_TEXT.matcher(text);
    if (!matcher.matches()) {
      return null;
    }
    return new ExpectedVersionException(
        matcher.group(2), Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(3)), cause);
  }

  public String streamName() {
    return streamName;
  }

  public long expectedVersion() {
    return expectedVersion;
  }

  public long actualVersion() {
    return actualVersion;
  }
}
