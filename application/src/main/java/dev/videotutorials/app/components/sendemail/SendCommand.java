package dev.videotutorials.app.components.sendemail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.videotutorials.messagestore.JsonObject;

/**
 * The data of a {@code Send} command, checked: one recipient address, a one-line subject, a text
 * or an html body of bounded size, and the email id of the command's stream. Anything else in
 * the data is left alone.
 */
public record SendCommand(String emailId, String to, String subject, String text, String html) {

  public static final int MAX_SUBJECT_LENGTH = 998;
  public static final int MAX_BODY_LENGTH = 1_000_000;

  /**
   * Reads and checks {@code data} of a command found in {@code sendEmail:command-{streamEmailId}}.
   */
  public static SendCommand parse(JsonObject data, String streamEmailId) throws InvalidSendCommandException {
    ObjectNode fields = data.toNode();
    String emailId = text(fields, "emailId", true);
    if (!emailId.equals(streamEmailId)) {
      throw new InvalidSendCommandException(
          "emailId " + emailId + " does not match the command's stream (" + streamEmailId + ")");
    }
    String to = text(fields, "to", true);
    String addressProblem = EmailAddress.problemWith(to);
    if (addressProblem != null) {
      throw new InvalidSendCommandException("Recipient address (to) " + addressProblem);
    }
    String subject = text(fields, "subject", true);
    if (subject.length() > MAX_SUBJECT_LENGTH) {
      throw new InvalidSendCommandException("subject is longer than " + MAX_SUBJECT_LENGTH + " characters");
    }
    if (subject.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidSendCommandException("subject contains line breaks or control characters");
    }
    String text = text(fields, "text", false);
    String html = text(fields, "html", false);
    if (text == null && html == null) {
      throw new InvalidSendCommandException("text and html are both missing");
    }
    checkBodyLength("text", text);
    checkBodyLength("html", html);
    return new SendCommand(emailId, to, subject, text, html);
  }

  public OutgoingEmail toEmail(String messageId, String from) {
    return new OutgoingEmail(messageId, from, to, subject, text, html);
  }

  private static String text(ObjectNode fields, String name, boolean required) throws InvalidSendCommandException {
    JsonNode value = fields.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        throw new InvalidSendCommandException(name + " is missing");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidSendCommandException(name + " must be a string");
    }
    return value.textValue();
  }

  private static void checkBodyLength(String name, String body) throws InvalidSendCommandException {
    if (body != null && body.length() > MAX_BODY_LENGTH) {
      throw new InvalidSendCommandException(name + " is longer than " + MAX_BODY_LENGTH + " characters");
    }
  }
}
