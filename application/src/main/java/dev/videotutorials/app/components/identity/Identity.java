package dev.videotutorials.app.components.identity;

import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.Projection;
import java.util.HashSet;
import java.util.Set;

/**
 * A user's identity as its {@code identity-{userId}} stream tells it. {@code rejectedCommandIds}
 * are the Register commands already answered with RegistrationRejected (from the events'
 * causation), so a re-delivered command is recognised.
 */
public record Identity(
    String id,
    String email,
    boolean registered,
    boolean registrationEmailSent,
    Set<String> rejectedCommandIds) {

  public static final Projection<Identity> PROJECTION = Projection.startingWith(Identity::new)
      .on(IdentityMessages.REGISTERED, Identity::withRegistered)
      .on(IdentityMessages.REGISTRATION_REJECTED, Identity::withRejected)
      .on(IdentityMessages.REGISTRATION_EMAIL_SENT, Identity::withRegistrationEmailSent)
      .build();

  public Identity {
    rejectedCommandIds = Set.copyOf(rejectedCommandIds);
  }

  public Identity() {
    this(null, null, false, false, Set.of());
  }

  /** Whether {@code register} needs no more work: the user is registered, or it was rejected. */
  public boolean handled(Message register) {
    return registered || rejectedCommandIds.contains(register.id().toString());
  }

  private Identity withRegistered(Message registered) {
    return new Identity(registered.data().string("userId"), registered.data().string("email"),
        true, registrationEmailSent, rejectedCommandIds);
  }

  private Identity withRejected(Message rejected) {
    String commandId = rejected.metadata().causationMessageId();
    if (commandId == null) {
      return this;
    }
    Set<String> rejections = new HashSet<>(rejectedCommandIds);
    rejections.add(commandId);
    return new Identity(id, email, registered, registrationEmailSent, rejections);
  }

  private Identity withRegistrationEmailSent(Message sent) {
    return new Identity(id, email, registered, true, rejectedCommandIds);
  }
}
