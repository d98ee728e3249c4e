package dev.videotutorials.app.components.identity;

import dev.videotutorials.messagestore.Entity;
import dev.videotutorials.messagestore.ExpectedVersionException;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.StreamName;
import dev.videotutorials.messagestore.consumer.Handler;
import java.util.Objects;

/**
 * Handles the send-email component's {@code Sent} for emails that an identity asked for
 * ({@code metadata.originStreamName} in the {@code identity} category): records
 * {@code RegistrationEmailSent} in that identity stream once, at the version it was fetched at.
 */
public final class SentHandler implements Handler {

  private static final int MAX_ATTEMPTS = 5;

  private final MessageStore store;

  public SentHandler(MessageStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public void handle(Message sent) {
    String identityStream = sent.metadata().originStreamName();
    if (!IdentityMessages.CATEGORY.equals(StreamName.category(identityStream))
        || StreamName.id(identityStream) == null) {
      return;
    }
    NewMessage emailSent = NewMessage.of(IdentityMessages.REGISTRATION_EMAIL_SENT,
        JsonObject.of("userId", StreamName.id(identityStream), "emailId", sent.data().string("emailId")),
        Metadata.follow(sent));
    for (int attempt = 1; ; attempt++) {
      Entity<Identity> identity = store.fetch(identityStream, Identity.PROJECTION);
      if (identity.value().registrationEmailSent()) {
        return;
      }
      try {
        store.write(identityStream, emailSent, identity.version());
        return;
      } catch (ExpectedVersionException e) {
        if (attempt == MAX_ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
