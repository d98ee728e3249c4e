package dev.videotutorials.app.components.sendemail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Checks that a text is one bare email address that is safe to put in a mail header. */
public final class EmailAddress {

  /** RFC 5321 limits a path to 256 octets including the angle brackets. */
  public static final int MAX_LENGTH = 254;

  private EmailAddress() {
  }

  /** Null when {@code address} is one valid address, otherwise why it is not. */
  public static String problemWith(String address) {
    if (address == null || address.isEmpty()) {
      return "is missing";
    }
    if (address.length() > MAX_LENGTH) {
      return "is longer than " + MAX_LENGTH + " characters";
    }
    if (address.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
      return "contains whitespace or control characters";
    }
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      parsed.validate();
      if (!address.equals(parsed.getAddress()) || parsed.getPersonal() != null) {
        return "is not a single bare address";
      }
      return null;
    } catch (AddressException e) {
      return "is not a valid email address";
    }
  }

  /**
   * The bare address of a configured sender such as {@code noreply@example.com} or
   * {@code Video Tutorials <noreply@example.com>}; throws {@link IllegalArgumentException} when
   * it is not one valid address.
   */
  public static String senderAddress(String sender) {
    if (sender == null || sender.isBlank() || sender.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("The sender address is missing or contains control characters");
    }
    try {
      InternetAddress parsed = new InternetAddress(sender, true);
      parsed.validate();
      return parsed.getAddress();
    } catch (AddressException e) {
      throw new IllegalArgumentException("The sender address is not a valid email address: " + sender, e);
    }
  }
}
