package dev.videotutorials.app.components.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.videotutorials.app.components.sendemail.EmailAddress;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;

/** The data of a {@code Register} command, checked. The password hash is carried, never read. */
public record RegisterCommand(String userId, String email, String passwordHash) {

  public static final int MAX_ID_LENGTH = 255;
  public static final int MAX_PASSWORD_HASH_LENGTH = 1000;

  public static RegisterCommand parse(JsonObject data) throws InvalidRegistrationException {
    String userId = usableId(data.toNode().get("userId"));
    if (userId == null) {
      throw new InvalidRegistrationException("userId is missing or not a valid id");
    }
    String email = text(data, "email");
    if (email == null || email.isEmpty()) {
      throw new InvalidRegistrationException("Email can't be blank");
    }
    if (EmailAddress.problemWith(email) != null) {
      throw new InvalidRegistrationException("Email is not a valid email");
    }
    String passwordHash = text(data, "passwordHash");
    if (passwordHash == null || passwordHash.isBlank()) {
      throw new InvalidRegistrationException("passwordHash can't be blank");
    }
    if (passwordHash.length() > MAX_PASSWORD_HASH_LENGTH) {
      throw new InvalidRegistrationException("passwordHash is too long");
    }
    return new RegisterCommand(userId, email, passwordHash);
  }

  /**
   * Whose identity stream answers {@code register}: its {@code data.userId} when usable,
   * otherwise the id of the command's stream; null when neither names anyone.
   */
  public static String addressee(Message register) {
    String userId = usableId(register.data().toNode().get("userId"));
    return userId != null ? userId : usableId(register.streamId());
  }

  private static String usableId(JsonNode value) {
    return value != null && value.isTextual() ? usableId(value.textValue()) : null;
  }

  private static String usableId(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
      return null;
    }
    boolean plain = id.chars().noneMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c));
    return plain ? id : null;
  }

  private static String text(JsonObject data, String field) throws InvalidRegistrationException {
    JsonNode value = data.toNode().get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidRegistrationException(field + " must be a string");
    }
    return value.textValue();
  }
}
