package dev.videotutorials.app.components.identity;

import static dev.videotutorials.app.components.testing.Messages.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.app.components.testing.Eventually;
import dev.videotutorials.app.components.testing.Messages;
import dev.videotutorials.app.components.testing.RunningConsumers;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.consumer.Consumer;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The identity component's consumers running against a real store. */
class IdentityConsumersTest {

  private static TestDatabase database;
  private static MessageStore store;

  @BeforeAll
  static void startStore() {
    database = TestDatabase.withMessageStore();
    store = new MessageStore(database.dataSource());
  }

  @AfterAll
  static void closeStore() {
    database.close();
  }

  @Test
  void subscribesAsTheOriginalDid() {
    List<Consumer> consumers = new IdentityComponent(store).consumers();

    assertThat(consumers).extracting(Consumer::subscriberId).containsExactly(
        "components:identity:command", "components:identity", "components:identity:sendEmailEvents");
    assertThat(consumers).extracting(Consumer::category).containsExactly("identity:command", "identity", "sendEmail");
  }

  @Test
  void twoInstancesRegisteringOneEmailForTwoUsersRegisterOnlyOne() {
    IdentityComponent component = new IdentityComponent(store);
    Consumer secondInstance = Consumer.builder(store, "test:identity-command-second-instance")
        .category(IdentityMessages.COMMAND_CATEGORY)
        .on(IdentityMessages.REGISTER, component::handleRegister)
        .build();
    List<String[]> pairs = new ArrayList<>();

    try (RunningConsumers running = RunningConsumers.start(component.consumers(), List.of(secondInstance))) {
      for (int pair = 0; pair < 10; pair++) {
        String email = "pair-" + newId() + "@example.com";
        String first = newId();
        String second = newId();
        register(first, email);
        register(second, email);
        pairs.add(new String[] {first, second});
      }
      for (String[] pair : pairs) {
        Eventually.await("both users of a pair answered", () -> answered(pair[0]) && answered(pair[1]));
      }
    }

    for (String[] pair : pairs) {
      List<String> outcomes = new ArrayList<>();
      store.readStream("identity-" + pair[0]).forEach(event -> outcomes.add(event.type()));
      store.readStream("identity-" + pair[1]).forEach(event -> outcomes.add(event.type()));
      assertThat(outcomes).containsExactlyInAnyOrder("Registered", "RegistrationRejected");
    }
  }

  private static boolean answered(String userId) {
    return store.readStream("identity-" + userId).stream()
        .anyMatch(event -> event.type().equals("Registered") || event.type().equals("RegistrationRejected"));
  }

  private static Message register(String userId, String email) {
    return Messages.write(store, "identity:command-" + userId, "Register",
        JsonObject.of("userId", userId, "email", email, "passwordHash", "$2b$10$hash"), Messages.traced(userId));
  }
}
