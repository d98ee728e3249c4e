package dev.videotutorials.app.components.identity;

import dev.videotutorials.messagestore.Entity;
import dev.videotutorials.messagestore.ExpectedVersionException;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.consumer.Handler;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles {@code Register}: reserves the email address, then writes {@code Registered} to
 * {@code identity-{userId}}, or {@code RegistrationRejected} when the data is unusable or the
 * address belongs to someone else. Writes to the identity stream expect the version the decision
 * was made on; when another writer got there first the handler fetches again and decides again.
 */
public final class RegisterHandler implements Handler {

  public static final String EMAIL_TAKEN = "Email already taken";

  private static final Logger log = LoggerFactory.getLogger(RegisterHandler.class);
  private static final int MAX_ATTEMPTS = 5;
  private static final int MAX_REJECTED_EMAIL_LENGTH = 320;

  private final MessageStore store;
  private final EmailReservations reservations;

  public RegisterHandler(MessageStore store) {
    this.store = Objects.requireNonNull(store, "store");
    this.reservations = new EmailReservations(store);
  }

  @Override
  public void handle(Message register) {
    String userId = RegisterCommand.addressee(register);
    if (userId == null) {
      log.warn("Ignoring Register {} in {}: it names no user", register.id(), register.streamName());
      return;
    }
    String identityStream = IdentityMessages.identityStream(userId);
    for (int attempt = 1; ; attempt++) {
      Entity<Identity> identity = store.fetch(identityStream, Identity.PROJECTION);
      if (identity.value().handled(register)) {
        return;
      }
      NewMessage outcome = decide(register, userId);
      try {
        store.write(identityStream, outcome, identity.version());
        return;
      } catch (ExpectedVersionException e) {
        if (attempt == MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private NewMessage decide(Message register, String userId) {
    RegisterCommand command;
    try {
      command = RegisterCommand.parse(register.data());
    } catch (InvalidRegistrationException e) {
      return rejected(register, userId, e.getMessage());
    }
    Optional<String> owner = reservations.reserve(command.email(), command.userId(), register);
    if (!owner.equals(Optional.of(command.userId()))) {
      return rejected(register, userId, EMAIL_TAKEN);
    }
    return NewMessage.of(IdentityMessages.REGISTERED,
        JsonObject.of("userId", command.userId(), "email", command.email(), "passwordHash", command.passwordHash()),
        Metadata.follow(register));
  }

  private static NewMessage rejected(Message register, String userId, String reason) {
    JsonObject data = JsonObject.of("userId", userId, "email", shortened(register.data().string("email")), "reason", reason);
    return NewMessage.of(IdentityMessages.REGISTRATION_REJECTED, data, Metadata.follow(register));
  }

  /** A hostile command may carry an enormous "email"; the rejection does not copy all of it. */
  private static String shortened(String email) {
    return email == null || email.length() <= MAX_REJECTED_EMAIL_LENGTH
        ? email
        : email.substring(0, MAX_REJECTED_EMAIL_LENGTH) + "...";
  }
}
