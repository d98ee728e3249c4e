package dev.videotutorials.app.components.sendemail;

import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.Projection;
import java.util.HashSet;
import java.util.Set;

/**
 * An email as its {@code sendEmail-{emailId}} stream tells it: whether it was sent, and which
 * Send commands already failed (by message id, from the Failed events' causation).
 */
public record Email(boolean sent, Set<String> failedCommandIds) {

  public static final Projection<Email> PROJECTION = Projection.startingWith(Email::new)
      .on(SendEmailMessages.SENT, (email, sent) -> new Email(true, email.failedCommandIds()))
      .on(SendEmailMessages.FAILED, Email::withFailure)
      .build();

  public Email {
    failedCommandIds = Set.copyOf(failedCommandIds);
  }

  public Email() {
    this(false, Set.of());
  }

  /** Whether {@code command} was handled already: the email is sent, or this command failed. */
  public boolean handled(Message command) {
    return sent || failedCommandIds.contains(command.id().toString());
  }

  private Email withFailure(Message failed) {
    String commandId = failed.metadata().causationMessageId();
    if (commandId == null) {
      return this;
    }
    Set<String> failures = new HashSet<>(failedCommandIds);
    failures.add(commandId);
    return new Email(sent, failures);
  }
}
