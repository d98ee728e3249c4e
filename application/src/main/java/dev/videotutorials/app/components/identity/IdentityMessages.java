package dev.videotutorials.app.components.identity;

import dev.videotutorials.messagestore.StreamName;

/** Categories, streams and message types of the identity component. */
public final class IdentityMessages {

  public static final String COMMAND_CATEGORY = "identity:command";
  public static final String CATEGORY = "identity";
  /** Email reservations: one stream per normalised address (this system's addition). */
  public static final String EMAIL_RESERVATION_CATEGORY = "identityEmail";

  public static final String REGISTER = "Register";
  public static final String REGISTERED = "Registered";
  public static final String REGISTRATION_REJECTED = "RegistrationRejected";
  public static final String REGISTRATION_EMAIL_SENT = "RegistrationEmailSent";
  public static final String EMAIL_RESERVED = "EmailReserved";

  private IdentityMessages() {
  }

  /** {@code identity:command-{userId}}. */
  public static String commandStream(String userId) {
    return StreamName.of(COMMAND_CATEGORY, userId);
  }

  /** {@code identity-{userId}}. */
  public static String identityStream(String userId) {
    return StreamName.of(CATEGORY, userId);
  }

  /** {@code identityEmail-{reservationId}}. */
  public static String reservationStream(String reservationId) {
    return StreamName.of(EMAIL_RESERVATION_CATEGORY, reservationId);
  }
}
