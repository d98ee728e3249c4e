package dev.videotutorials.app.components.identity;

import dev.videotutorials.app.components.NameBasedUuid;
import dev.videotutorials.app.components.sendemail.EmailId;
import dev.videotutorials.messagestore.ExpectedVersionException;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.NewMessage;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Claims email addresses for users, first come first served: the first {@code EmailReserved}
 * in {@code identityEmail-{reservationId}} (written with expected version -1, so only one
 * writer can ever put it there) names the address's owner for good.
 */
public final class EmailReservations {

  private final MessageStore store;

  public EmailReservations(MessageStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** Lower-cased (locale-independent) and trimmed: addresses that differ only so are one address. */
  public static String normalise(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  /** UUID v5 of the normalised address, in the email-id namespace. */
  public static String reservationId(String email) {
    return NameBasedUuid.v5(EmailId.NAMESPACE, normalise(email)).toString();
  }

  /**
   * Reserves {@code email} for {@code userId} in reaction to {@code cause}; returns the user id
   * that owns the address afterwards: {@code userId} when it won now or earlier, another when
   * someone else holds it (empty if the stream's first message names nobody).
   */
  public Optional<String> reserve(String email, String userId, Message cause) {
    String stream = IdentityMessages.reservationStream(reservationId(email));
    NewMessage reservation = NewMessage.of(IdentityMessages.EMAIL_RESERVED,
        JsonObject.of("email", email, "userId", userId), Metadata.follow(cause));
    try {
      store.write(stream, reservation, -1L);
      return Optional.of(userId);
    } catch (ExpectedVersionException taken) {
      return store.readStream(stream, 0, 1).stream()
          .findFirst()
          .map(first -> first.data().string("userId"));
    }
  }
}
