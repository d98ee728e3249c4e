package dev.videotutorials.app.web.registerusers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The register form's fields and the original system's validation messages. A field that is
 * missing or empty "can't be blank"; an email must look like one; a password has at least 8
 * characters. Upper bounds keep the data sane.
 */
record RegistrationForm(String email, String password) {

  static final int MINIMUM_PASSWORD_LENGTH = 8;
  static final int MAXIMUM_PASSWORD_LENGTH = 256;
  static final int MAXIMUM_EMAIL_LENGTH = 254;

  /** Something@something.tld, without spaces or control characters. */
  private static final Pattern EMAIL = Pattern.compile("[^\\s@\\p{Cntrl}]+@[^\\s@\\p{Cntrl}.]+(\\.[^\\s@\\p{Cntrl}.]+)+");

  /** Error messages by field name ({@code email}, {@code password}); empty when the form is valid. */
  Map<String, List<String>> errors() {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    if (email == null || email.isEmpty()) {
      add(errors, "email", "Email can't be blank");
    } else if (email.length() > MAXIMUM_EMAIL_LENGTH) {
      add(errors, "email", "Email is too long (maximum is " + MAXIMUM_EMAIL_LENGTH + " characters)");
    } else if (!EMAIL.matcher(email).matches()) {
      add(errors, "email", "Email is not a valid email");
    }
    if (password == null || password.isEmpty()) {
      add(errors, "password", "Password can't be blank");
    } else if (password.length() < MINIMUM_PASSWORD_LENGTH) {
      add(errors, "password", "Password is too short (minimum is " + MINIMUM_PASSWORD_LENGTH + " characters)");
    } else if (password.length() > MAXIMUM_PASSWORD_LENGTH) {
      add(errors, "password", "Password is too long (maximum is " + MAXIMUM_PASSWORD_LENGTH + " characters)");
    } else if (password.chars().anyMatch(c -> c == 0)) {
      add(errors, "password", "Password must not contain control characters");
    }
    return errors;
  }

  static void add(Map<String, List<String>> errors, String field, String message) {
    errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
  }
}
