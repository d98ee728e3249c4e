package dev.videotutorials.app.components.sendemail;

import dev.videotutorials.messagestore.Entity;
import dev.videotutorials.messagestore.ExpectedVersionException;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.StreamName;
import dev.videotutorials.messagestore.consumer.Handler;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles {@code Send}: unless the email was sent already (or this very command failed
 * already), checks the command, delivers the email and records {@code Sent} or {@code Failed}
 * in {@code sendEmail-{emailId}}. Bad data and transport errors become {@code Failed}; only a
 * message store failure escapes (and the consumer retries the command).
 */
public final class SendHandler implements Handler {

  private static final Logger log = LoggerFactory.getLogger(SendHandler.class);
  private static final int MAX_RECORD_ATTEMPTS = 5;

  private final MessageStore store;
  private final Mailer mailer;
  private final String senderAddress;
  private final String messageIdDomain;

  public SendHandler(MessageStore store, Mailer mailer, String senderAddress) {
    this.store = Objects.requireNonNull(store, "store");
    this.mailer = Objects.requireNonNull(mailer, "mailer");
    this.senderAddress = senderAddress;
    String address = EmailAddress.senderAddress(senderAddress);
    this.messageIdDomain = address.substring(address.lastIndexOf('@') + 1);
  }

  @Override
  public void handle(Message command) {
    String emailId = StreamName.id(command.streamName());
    if (emailId == null) {
      log.warn("Ignoring Send {} in {}: the stream names no email", command.id(), command.streamName());
      return;
    }
    String emailStream = SendEmailMessages.emailStream(emailId);
    Entity<Email> email = store.fetch(emailStream, Email.PROJECTION);
    if (email.value().handled(command)) {
      return;
    }
    record(emailStream, email, command, deliver(command, emailId));
  }

  private NewMessage deliver(Message command, String emailId) {
    try {
      SendCommand send = SendCommand.parse(command.data(), emailId);
      mailer.send(send.toEmail(command.id() + "@" + messageIdDomain, senderAddress));
      return NewMessage.of(SendEmailMessages.SENT, command.data().with("from", senderAddress), metadata(command));
    } catch (InvalidSendCommandException e) {
      return failed(command, "Invalid Send command: " + e.getMessage());
    } catch (MailerException e) {
      return failed(command, e.getMessage());
    }
  }

  private static NewMessage failed(Message command, String reason) {
    log.warn("Send {} failed: {}", command.id(), reason);
    return NewMessage.of(SendEmailMessages.FAILED, command.data().with("reason", reason), metadata(command));
  }

  private static Metadata metadata(Message command) {
    return Metadata.follow(command).withOriginStreamName(command.metadata().originStreamName());
  }

  /**
   * Writes the outcome at the version the decision saw. Another handler of the same email may
   * have written meanwhile: then a recorded Sent (or this command's Failed) wins, otherwise the
   * outcome is written after what is there.
   */
  private void record(String emailStream, Entity<Email> seen, Message command, NewMessage outcome) {
    Entity<Email> email = seen;
    for (int attempt = 1; ; attempt++) {
      try {
        store.write(emailStream, outcome, email.version());
        return;
      } catch (ExpectedVersionException e) {
        if (attempt == MAX_RECORD_ATTEMPTS) {
          throw e;
        }
        email = store.fetch(emailStream, Email.PROJECTION);
        if (email.value().handled(command)) {
          return;
        }
      }
    }
  }
}
