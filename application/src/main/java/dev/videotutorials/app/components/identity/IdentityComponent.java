package dev.videotutorials.app.components.identity;

import dev.videotutorials.app.components.sendemail.SendEmailMessages;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.consumer.Consumer;
import java.util.List;
import java.util.Objects;

/** The identity component: registers users and has them welcomed by email. See CONTRACT.md. */
public final class IdentityComponent {

  public static final String COMMAND_SUBSCRIBER_ID = "components:identity:command";
  public static final String EVENT_SUBSCRIBER_ID = "components:identity";
  public static final String SEND_EMAIL_EVENT_SUBSCRIBER_ID = "components:identity:sendEmailEvents";

  private final MessageStore store;
  private final RegisterHandler registerHandler;
  private final RegisteredHandler registeredHandler;
  private final SentHandler sentHandler;

  public IdentityComponent(MessageStore store) {
    this.store = Objects.requireNonNull(store, "store");
    this.registerHandler = new RegisterHandler(store);
    this.registeredHandler = new RegisteredHandler(store, RegistrationEmail.load());
    this.sentHandler = new SentHandler(store);
  }

  public void handleRegister(Message register) {
    registerHandler.handle(register);
  }

  public void handleRegistered(Message registered) {
    registeredHandler.handle(registered);
  }

  public void handleSent(Message sent) {
    sentHandler.handle(sent);
  }

  /** New consumers of the component's three subscriptions, not started. */
  public List<Consumer> consumers() {
    return List.of(
        Consumer.builder(store, COMMAND_SUBSCRIBER_ID)
            .category(IdentityMessages.COMMAND_CATEGORY)
            .on(IdentityMessages.REGISTER, registerHandler)
            .build(),
        Consumer.builder(store, EVENT_SUBSCRIBER_ID)
            .category(IdentityMessages.CATEGORY)
            .on(IdentityMessages.REGISTERED, registeredHandler)
            .build(),
        Consumer.builder(store, SEND_EMAIL_EVENT_SUBSCRIBER_ID)
            .category(SendEmailMessages.CATEGORY)
            .originCategory(IdentityMessages.CATEGORY)
            .on(SendEmailMessages.SENT, sentHandler)
            .build());
  }
}
