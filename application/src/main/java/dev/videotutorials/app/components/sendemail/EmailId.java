package dev.videotutorials.app.components.sendemail;

import dev.videotutorials.app.components.NameBasedUuid;
import java.util.UUID;

/**
 * The id of an email: the UUID v5 of the recipient address exactly as given, in the original
 * system's namespace, so that both systems name the same {@code sendEmail} streams.
 */
public final class EmailId {

  public static final UUID NAMESPACE = UUID.fromString("0c46e0b7-dfaf-443a-b150-053b67905cc2");

  private EmailId() {
  }

  public static String forAddress(String address) {
    return NameBasedUuid.v5(NAMESPACE, address).toString();
  }
}
