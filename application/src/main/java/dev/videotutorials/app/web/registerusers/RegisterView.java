package dev.videotutorials.app.web.registerusers;

import dev.videotutorials.app.web.common.Page;
import java.util.List;
import java.util.Map;

/** The register form: the email typed so far (never the password) and the errors per field. */
public record RegisterView(Page page, String email, Map<String, List<String>> errors) {

  public RegisterView {
    errors = Map.copyOf(errors);
  }

  public boolean invalid(String field) {
    return errors.containsKey(field);
  }

  /** The field's messages joined as the original showed them. */
  public String errorText(String field) {
    return String.join(", ", errors.getOrDefault(field, List.of()));
  }

  public String emailValue() {
    return email == null ? "" : email;
  }
}
