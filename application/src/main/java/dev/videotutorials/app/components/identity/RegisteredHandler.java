package dev.videotutorials.app.components.identity;

import dev.videotutorials.app.components.NameBasedUuid;
import dev.videotutorials.app.components.sendemail.EmailId;
import dev.videotutorials.app.components.sendemail.SendEmailMessages;
import dev.videotutorials.messagestore.DuplicateMessageIdException;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.consumer.Handler;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles {@code Registered}: unless the registration email was sent already, asks the
 * send-email component to send it with a {@code Send} command to
 * {@code sendEmail:command-{emailId}}. The command's message id is derived from the Registered
 * event's id, so a re-delivered event cannot write a second command: the store refuses the
 * duplicate id.
 */
public final class RegisteredHandler implements Handler {

  /** Namespace of the Send command ids derived from Registered event ids. */
  static final UUID SEND_COMMAND_ID_NAMESPACE = UUID.fromString("0843fc89-3d2b-4cb5-b1e2-ecab2146b753");

  private static final Logger log = LoggerFactory.getLogger(RegisteredHandler.class);

  private final MessageStore store;
  private final RegistrationEmail email;

  public RegisteredHandler(MessageStore store, RegistrationEmail email) {
    this.store = Objects.requireNonNull(store, "store");
    this.email = Objects.requireNonNull(email, "email");
  }

  @Override
  public void handle(Message registered) {
    Identity identity = store.fetch(registered.streamName(), Identity.PROJECTION).value();
    if (identity.registrationEmailSent()) {
      return;
    }
    String to = registered.data().string("email");
    if (to == null) {
      log.warn("Registered {} in {} has no email: no registration email", registered.id(), registered.streamName());
      return;
    }
    String emailId = EmailId.forAddress(to);
    NewMessage send = new NewMessage(
        sendCommandId(registered),
        SendEmailMessages.SEND,
        JsonObject.of("emailId", emailId, "to", to,
            "subject", email.subject(), "text", email.text(), "html", email.html()),
        Metadata.follow(registered).withOriginStreamName(registered.streamName()));
    try {
      store.write(SendEmailMessages.commandStream(emailId), send);
    } catch (DuplicateMessageIdException alreadyWritten) {
      log.debug("Send for Registered {} was written before", registered.id());
    }
  }

  static UUID sendCommandId(Message registered) {
    return NameBasedUuid.v5(SEND_COMMAND_ID_NAMESPACE, registered.id().toString());
  }
}
