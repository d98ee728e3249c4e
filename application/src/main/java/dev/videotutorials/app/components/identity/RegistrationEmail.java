package dev.videotutorials.app.components.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The welcome email sent after registration, from the templates in the
 * {@code registration-email} resource folder beside this class (subject, text and html).
 */
public record RegistrationEmail(String subject, String text, String html) {

  private static final String FOLDER = "registration-email/";

  public static RegistrationEmail load() {
    return new RegistrationEmail(resource("subject.txt"), resource("text.txt"), resource("html.html"));
  }

  private static String resource(String name) {
    try (InputStream in = RegistrationEmail.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing email template " + FOLDER + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read email template " + FOLDER + name, e);
    }
  }
}
