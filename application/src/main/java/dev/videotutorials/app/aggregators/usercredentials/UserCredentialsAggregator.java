package dev.videotutorials.app.aggregators.usercredentials;

import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.consumer.Consumer;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the credentials of registered users for logging in. See CONTRACT.md. */
public final class UserCredentialsAggregator {

  public static final String SUBSCRIBER_ID = "aggregators:user-credentials";
  public static final String CATEGORY = "identity";
  public static final String REGISTERED = "Registered";

  private static final Logger log = LoggerFactory.getLogger(UserCredentialsAggregator.class);

  private final MessageStore store;
  private final UserCredentialsView view;

  public UserCredentialsAggregator(MessageStore store, DataSource viewDatabase) {
    this.store = Objects.requireNonNull(store, "store");
    this.view = new UserCredentialsView(viewDatabase);
  }

  public void handleRegistered(Message registered) throws SQLException {
    UserCredential credential = new UserCredential(
        registered.data().string("userId"), registered.data().string("email"), registered.data().string("passwordHash"));
    if (credential.id() == null || credential.email() == null || credential.passwordHash() == null) {
      log.warn("Skipping Registered {} in {}: userId, email or passwordHash is missing",
          registered.id(), registered.streamName());
      return;
    }
    if (!view.insert(credential) && view.byId(credential.id()).isEmpty()) {
      log.warn("Skipping Registered {} for user {}: another user has the email already",
          registered.id(), credential.id());
    }
  }

  /** New consumers of the aggregator's subscription, not started. */
  public List<Consumer> consumers() {
    return List.of(Consumer.builder(store, SUBSCRIBER_ID)
        .category(CATEGORY)
        .on(REGISTERED, this::handleRegistered)
        .build());
  }
}
