package dev.videotutorials.app.components.sendemail;

import java.util.Objects;

/**
 * An email to hand to a {@link Mailer}. {@code messageId} is the Message-ID header without
 * angle brackets; a re-send of the same email uses the same one. {@code text} or {@code html}
 * may be null, not both.
 */
public record OutgoingEmail(String messageId, String from, String to, String subject, String text, String html) {

  public OutgoingEmail {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    if (text == null && html == null) {
      throw new IllegalArgumentException("An email needs a text or an html body");
    }
  }
}
