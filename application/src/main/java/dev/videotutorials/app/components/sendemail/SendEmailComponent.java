package dev.videotutorials.app.components.sendemail;

import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.consumer.Consumer;
import java.util.List;
import java.util.Objects;

/** The send-email component: sends the emails that {@code Send} commands ask for. See CONTRACT.md. */
public final class SendEmailComponent {

  public static final String SUBSCRIBER_ID = "components:send-email";

  private final MessageStore store;
  private final SendHandler sendHandler;

  public SendEmailComponent(MessageStore store, Mailer mailer, String senderAddress) {
    this.store = Objects.requireNonNull(store, "store");
    this.sendHandler = new SendHandler(store, mailer, senderAddress);
  }

  /** Handles one {@code Send} command (what the consumer calls). */
  public void handleSend(Message command) {
    sendHandler.handle(command);
  }

  /** New consumers of the component's subscription, not started. */
  public List<Consumer> consumers() {
    return List.of(Consumer.builder(store, SUBSCRIBER_ID)
        .category(SendEmailMessages.COMMAND_CATEGORY)
        .on(SendEmailMessages.SEND, sendHandler)
        .build());
  }
}
