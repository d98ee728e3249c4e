package dev.videotutorials.app.web.registerusers;

/** What became of a registration: not decided yet, {@code Registered}, or {@code RegistrationRejected} with its reason. */
public record RegistrationOutcome(Status status, String email, String reason) {

  public enum Status { PENDING, REGISTERED, REJECTED }

  static final RegistrationOutcome PENDING = new RegistrationOutcome(Status.PENDING, null, null);
}
