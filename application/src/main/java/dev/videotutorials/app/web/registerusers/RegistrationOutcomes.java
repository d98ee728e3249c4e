package dev.videotutorials.app.web.registerusers;

import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.StreamName;
import java.time.Duration;

/**
 * Reads the identity component's decision on a registration from the user's identity stream
 * ({@code identity-{userId}}): the first {@code Registered} or {@code RegistrationRejected}.
 */
final class RegistrationOutcomes {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

  private final MessageStore store;

  RegistrationOutcomes(MessageStore store) {
    this.store = store;
  }

  RegistrationOutcome find(String userId) {
    for (Message message : store.readStream(StreamName.of("identity", userId), 0, 100)) {
      switch (message.type()) {
        case "Registered":
          return new RegistrationOutcome(RegistrationOutcome.Status.REGISTERED, message.data().string("email"), null);
        case "RegistrationRejected":
          return new RegistrationOutcome(RegistrationOutcome.Status.REJECTED, message.data().string("email"),
              message.data().string("reason"));
        default:
          break;
      }
    }
    return RegistrationOutcome.PENDING;
  }

  /** Polls until the decision is there or {@code patience} has passed; usual decisions take well under it. */
  RegistrationOutcome await(String userId, Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    RegistrationOutcome outcome = find(userId);
    while (outcome.status() == RegistrationOutcome.Status.PENDING && System.nanoTime() < deadline) {
      Thread.sleep(POLL_INTERVAL.toMillis());
      outcome = find(userId);
    }
    return outcome;
  }
}
