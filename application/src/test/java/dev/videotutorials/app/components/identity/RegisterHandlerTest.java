package dev.videotutorials.app.components.identity;

import static dev.videotutorials.app.components.testing.Messages.newId;
import static dev.videotutorials.app.components.testing.Messages.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.app.components.testing.Messages;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RegisterHandlerTest {

  private static final String HASH = "$2b$10$abcdefghijklmnopqrstuuM0YqVvW1zZ6o5q3Dd6c8yJ2lC3kTqF.";

  private static TestDatabase database;
  private static MessageStore store;
  private static RegisterHandler handler;

  @BeforeAll
  static void startStore() {
    database = TestDatabase.withMessageStore();
    store = new MessageStore(database.dataSource());
    handler = new RegisterHandler(store);
  }

  @AfterAll
  static void closeStore() {
    database.close();
  }

  private static String uniqueEmail() {
    return "user-" + newId() + "@example.com";
  }

  private static Message register(String userId, String email) {
    return register(userId, JsonObject.of("userId", userId, "email", email, "passwordHash", HASH));
  }

  private static Message register(String userId, JsonObject data) {
    return Messages.write(store, IdentityMessages.commandStream(userId), "Register", data, Messages.traced(userId));
  }

  private static List<Message> identity(String userId) {
    return store.readStream(IdentityMessages.identityStream(userId));
  }

  @Test
  void writesRegisteredFollowingTheCommand() {
    String userId = newId();
    String email = uniqueEmail();
    Message command = register(userId, email);

    handler.handle(command);

    List<Message> events = identity(userId);
    assertThat(events).extracting(Message::type).containsExactly("Registered");
    Message registered = events.get(0);
    assertThat(registered.data()).isEqualTo(JsonObject.of("userId", userId, "email", email, "passwordHash", HASH));
    assertThat(registered.metadata().traceId()).isEqualTo(command.metadata().traceId());
    assertThat(registered.metadata().userId()).isEqualTo(userId);
    assertThat(registered.metadata().causationMessageId()).isEqualTo(command.id().toString());
    assertThat(registered.metadata().causationMessageStreamName()).isEqualTo(command.streamName());
    assertThat(registered.metadata().causationMessageGlobalPosition()).isEqualTo(command.globalPosition());

    List<Message> reservation = store.readStream(
        IdentityMessages.reservationStream(EmailReservations.reservationId(email)));
    assertThat(reservation).extracting(Message::type).containsExactly("EmailReserved");
    assertThat(reservation.get(0).data()).isEqualTo(JsonObject.of("email", email, "userId", userId));
  }

  @Test
  void aRedeliveredCommandWritesNothingNew() {
    String userId = newId();
    String email = uniqueEmail();
    Message command = register(userId, email);

    handler.handle(command);
    handler.handle(command);

    assertThat(identity(userId)).extracting(Message::type).containsExactly("Registered");
    assertThat(store.readStream(IdentityMessages.reservationStream(EmailReservations.reservationId(email)))).hasSize(1);
  }

  @Test
  void anotherCommandForARegisteredUserWritesNothing() {
    String userId = newId();
    handler.handle(register(userId, uniqueEmail()));

    handler.handle(register(userId, uniqueEmail()));

    assertThat(identity(userId)).extracting(Message::type).containsExactly("Registered");
  }

  @Test
  void rejectsAnEmailThatAnotherUserHas() {
    String email = uniqueEmail();
    handler.handle(register(newId(), email));
    String secondUser = newId();
    Message second = register(secondUser, email);

    handler.handle(second);
    handler.handle(second);

    List<Message> events = identity(secondUser);
    assertThat(events).extracting(Message::type).containsExactly("RegistrationRejected");
    assertThat(events.get(0).data())
        .isEqualTo(JsonObject.of("userId", secondUser, "email", email, "reason", "Email already taken"));
    assertThat(events.get(0).metadata().causationMessageId()).isEqualTo(second.id().toString());
    assertThat(events.get(0).metadata().traceId()).isEqualTo(second.metadata().traceId());
  }

  @Test
  void emailsThatDifferOnlyInCaseOrOuterSpaceAreOneAddress() {
    String local = "Case-" + newId();
    handler.handle(register(newId(), local + "@Example.COM"));
    String secondUser = newId();

    handler.handle(register(secondUser, local.toLowerCase() + "@example.com"));

    assertThat(identity(secondUser)).extracting(Message::type).containsExactly("RegistrationRejected");
    assertThat(EmailReservations.reservationId(" " + local + "@Example.COM "))
        .isEqualTo(EmailReservations.reservationId(local.toLowerCase() + "@example.com"));
  }

  @Test
  void aRejectedUserMayRegisterAgainWithAFreeEmail() {
    String taken = uniqueEmail();
    handler.handle(register(newId(), taken));
    String userId = newId();
    handler.handle(register(userId, taken));

    handler.handle(register(userId, uniqueEmail()));

    assertThat(identity(userId)).extracting(Message::type).containsExactly("RegistrationRejected", "Registered");
  }

  @Test
  void completesARegistrationWhoseEmailItReservedBeforeACrash() {
    String userId = newId();
    String email = uniqueEmail();
    Message command = register(userId, email);
    new EmailReservations(store).reserve(email, userId, command);

    handler.handle(command);

    assertThat(identity(userId)).extracting(Message::type).containsExactly("Registered");
  }

  @Test
  void rejectsUnusableDataOnce() {
    String userId = newId();
    Message command = register(userId, JsonObject.of("userId", userId, "email", "a@example.com\r\nBcc: m@example.com"));

    handler.handle(command);
    handler.handle(command);

    List<Message> events = identity(userId);
    assertThat(events).extracting(Message::type).containsExactly("RegistrationRejected");
    assertThat(events.get(0).data().string("reason")).isEqualTo("Email is not a valid email");
  }

  @Test
  void aCommandWithoutUserIdIsRejectedInTheStreamItCameFrom() {
    String streamUser = newId();
    Message command = register(streamUser, JsonObject.of("email", uniqueEmail(), "passwordHash", HASH));

    handler.handle(command);

    assertThat(identity(streamUser)).extracting(Message::type).containsExactly("RegistrationRejected");
    assertThat(identity(streamUser).get(0).data().string("reason")).isEqualTo("userId is missing or not a valid id");
  }

  @Test
  void ofTwoSimultaneousRegistrationsOfOneEmailExactlyOneSucceeds() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        String email = uniqueEmail();
        String first = newId();
        String second = newId();
        Message firstCommand = register(first, email);
        Message secondCommand = register(second, email);

        runTogether(threads, () -> handler.handle(firstCommand), () -> handler.handle(secondCommand));

        List<String> outcomes = new ArrayList<>();
        identity(first).forEach(event -> outcomes.add(event.type()));
        identity(second).forEach(event -> outcomes.add(event.type()));
        assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder("Registered", "RegistrationRejected");
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void oneCommandHandledTwiceAtTheSameTimeRegistersOnce() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        String userId = newId();
        Message command = register(userId, uniqueEmail());

        runTogether(threads, () -> handler.handle(command), () -> handler.handle(command));

        assertThat(identity(userId)).as("round " + round).extracting(Message::type).containsExactly("Registered");
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void theComponentHandsRegisterToThisHandler() {
    String userId = newId();
    Message command = register(userId, uniqueEmail());

    new IdentityComponent(store).handleRegister(command);

    assertThat(ofType(store, IdentityMessages.identityStream(userId), "Registered")).hasSize(1);
  }

  static void runTogether(ExecutorService threads, Runnable first, Runnable second) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    Future<?> a = threads.submit(() -> {
      start.await();
      first.run();
      return null;
    });
    Future<?> b = threads.submit(() -> {
      start.await();
      second.run();
      return null;
    });
    a.get();
    b.get();
  }
}
