package dev.videotutorials.app.web.registerusers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.videotutorials.app.testing.TestSystem;
import dev.videotutorials.app.testing.WebClient;
import dev.videotutorials.app.web.common.Passwords;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.Message;
import dev.videotutorials.messagestore.Metadata;
import dev.videotutorials.messagestore.NewMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RegisterUsersTest {

  private static TestSystem system;

  @BeforeAll
  static void start() {
    system = TestSystem.start();
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @Test
  void theFormHasEmailAndPasswordFieldsAndNoClientChosenId() {
    WebClient.Response form = system.newClient().get("/register");

    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body())
        .contains("<h1 class=\"mb-4\">Register</h1>")
        .contains("id=\"register-form\"")
        .contains("name=\"email\"")
        .contains("type=\"password\"")
        .contains("id=\"register-button\">Register!</button>")
        .doesNotContain("name=\"id\"");
  }

  @Test
  void aValidRegistrationWritesARegisterCommandForANewUserIdAndRedirectsToItsOutcome() {
    String email = unique("alice");
    WebClient.Response response = register(system.newClient(), email, "correct horse");

    assertThat(response.status()).isEqualTo(303);
    assertThat(response.location()).matches("/register/[0-9a-f-]{36}");
    String userId = response.location().substring("/register/".length());
    assertThat(UUID.fromString(userId).version()).isEqualTo(4);

    List<Message> commands = system.store().readStream("identity:command-" + userId);
    assertThat(commands).hasSize(1);
    Message command = commands.get(0);
    assertThat(command.type()).isEqualTo("Register");
    assertThat(command.data().fieldNames()).containsExactlyInAnyOrder("userId", "email", "passwordHash");
    assertThat(command.data().string("userId")).isEqualTo(userId);
    assertThat(command.data().string("email")).isEqualTo(email);
    String hash = command.data().string("passwordHash");
    assertThat(hash).startsWith("$2b$10$");
    assertThat(Passwords.matches("correct horse", hash)).isTrue();
    assertThat(command.metadata().userId()).isEqualTo(userId);
    assertThat(UUID.fromString(command.metadata().traceId()).version()).isEqualTo(4);
  }

  @Test
  void missingFieldsCantBeBlank() {
    WebClient client = system.newClient();
    client.get("/register");
    WebClient.Response response = client.post("/register", Map.of());

    assertThat(response.status()).isEqualTo(400);
    assertThat(errorOf(response, "email")).isEqualTo("Email can't be blank");
    assertThat(errorOf(response, "password")).isEqualTo("Password can't be blank");
  }

  @Test
  void emptyFieldsCantBeBlankEither() {
    WebClient.Response response = register(system.newClient(), "", "");

    assertThat(response.status()).isEqualTo(400);
    assertThat(errorOf(response, "email")).isEqualTo("Email can't be blank");
    assertThat(errorOf(response, "password")).isEqualTo("Password can't be blank");
  }

  @Test
  void anInvalidEmailAndAShortPasswordGetTheOriginalMessagesAndKeepTheEmailOnly() {
    WebClient.Response response = register(system.newClient(), "not-an-email", "short");

    assertThat(response.status()).isEqualTo(400);
    assertThat(errorOf(response, "email")).isEqualTo("Email is not a valid email");
    assertThat(errorOf(response, "password")).isEqualTo("Password is too short (minimum is 8 characters)");
    assertThat(response.body())
        .contains("value=\"not-an-email\"")
        .doesNotContain("value=\"short\"")
        .contains("form-control is-invalid");
  }

  @Test
  void anEmailInUserCredentialsIsAlreadyTaken() {
    String email = unique("taken");
    system.viewSql("INSERT INTO user_credentials (id, email, password_hash) VALUES (?, ?, ?)",
        UUID.randomUUID().toString(), email, "$2b$10$x");

    WebClient.Response response = register(system.newClient(), email, "long enough");
    WebClient.Response otherCase = register(system.newClient(), email.toUpperCase(java.util.Locale.ROOT), "long enough");

    assertThat(response.status()).isEqualTo(400);
    assertThat(errorOf(response, "email")).isEqualTo("already taken");
    assertThat(errorOf(otherCase, "email")).isEqualTo("already taken");
    assertThat(errorOf(response, "password")).isNull();
  }

  @Test
  void invalidInputWritesNoCommand() {
    long before = commandCount();
    register(system.newClient(), "bad", "bad");
    register(system.newClient(), "", "long enough password");
    assertThat(commandCount()).isEqualTo(before);
  }

  @Test
  void scriptTagsAreEscapedWhenTheEmailIsShownAgain() {
    WebClient.Response response = register(system.newClient(), "<script>alert('x')</script>", "long enough");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body())
        .doesNotContain("<script>alert")
        .contains("value=\"&lt;script>alert(&#39;x&#39;)&lt;/script>\"");
  }

  @Test
  void sqlMetacharactersAreJustCharacters() {
    String email = "o'brien\"--;" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    WebClient.Response response = register(system.newClient(), email, "pass'; DROP TABLE user_credentials; --");

    assertThat(response.status()).isEqualTo(303);
    String userId = response.location().substring("/register/".length());
    assertThat(system.store().readLast("identity:command-" + userId).orElseThrow().data().string("email")).isEqualTo(email);
  }

  @Test
  void overlongFieldsAreRejectedWithMessages() {
    String email = "a".repeat(250) + "@example.com";
    WebClient.Response response = register(system.newClient(), email, "p".repeat(300));

    assertThat(response.status()).isEqualTo(400);
    assertThat(errorOf(response, "email")).isEqualTo("Email is too long (maximum is 254 characters)");
    assertThat(errorOf(response, "password")).isEqualTo("Password is too long (maximum is 256 characters)");
  }

  @Test
  void theOutcomePageShowsSuccessOnceTheIdentityComponentRegisteredTheUser() {
    WebClient client = system.newClient();
    String email = unique("bob");
    String userId = userIdOf(register(client, email, "long enough"));
    writeIdentityEvent(userId, "Registered", JsonObject.of("userId", userId, "email", email, "passwordHash", "$2b$10$x"));

    WebClient.Response outcome = client.get("/register/" + userId);

    assertThat(outcome.status()).isEqualTo(200);
    assertThat(outcome.body())
        .contains("You have successfully registered!")
        .contains("href=\"/auth/log-in\" id=\"log-in-link\">Log in</a>")
        .doesNotContain("http-equiv=\"refresh\"");
  }

  @Test
  void theOutcomePageWaitsForADecisionThatComesWhileItWaits() throws Exception {
    WebClient client = system.newClient();
    String email = unique("patient");
    String userId = userIdOf(register(client, email, "long enough"));
    Thread decider = new Thread(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        return;
      }
      writeIdentityEvent(userId, "Registered", JsonObject.of("userId", userId, "email", email, "passwordHash", "$2b$10$x"));
    });
    decider.start();

    WebClient.Response outcome = client.get("/register/" + userId);
    decider.join();

    assertThat(outcome.body()).contains("You have successfully registered!");
  }

  @Test
  void theOutcomePageShowsTheReasonOfARejection() {
    WebClient client = system.newClient();
    String email = unique("carol");
    String userId = userIdOf(register(client, email, "long enough"));
    writeIdentityEvent(userId, "RegistrationRejected",
        JsonObject.of("userId", userId, "email", email, "reason", "Email <b>already</b> taken"));

    WebClient.Response outcome = client.get("/register/" + userId);

    assertThat(outcome.status()).isEqualTo(200);
    assertThat(outcome.body())
        .contains("id=\"registration-rejected\"")
        .contains("Email &lt;b&gt;already&lt;/b&gt; taken")
        .contains("href=\"/register\" id=\"register-again-link\"");
  }

  @Test
  void anUndecidedRegistrationShowsAPendingPageThatRefreshesItself() {
    WebClient client = system.newClient();
    String userId = userIdOf(register(client, unique("dave"), "long enough"));

    WebClient.Response outcome = client.get("/register/" + userId);

    assertThat(outcome.status()).isEqualTo(200);
    assertThat(outcome.body())
        .contains("id=\"registration-pending\"")
        .contains("<meta http-equiv=\"refresh\" content=\"1\">");
  }

  @Test
  void onlyTheSessionThatRegisteredSeesTheOutcome() {
    String userId = userIdOf(register(system.newClient(), unique("erin"), "long enough"));

    WebClient.Response stranger = system.newClient().get("/register/" + userId);

    assertThat(stranger.status()).isEqualTo(404);
    assertThat(stranger.body()).contains("There is no registration of yours at this address.");
  }

  @Test
  void aMalformedUserIdIsNotFound() {
    assertThat(system.newClient().get("/register/not-a-uuid").status()).isEqualTo(404);
    assertThat(system.newClient().get("/register/%3Cscript%3E").status()).isEqualTo(404);
  }

  private static WebClient.Response register(WebClient client, String email, String password) {
    client.get("/register");
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("email", email);
    fields.put("password", password);
    return client.post("/register", fields);
  }

  private static String userIdOf(WebClient.Response response) {
    assertThat(response.status()).isEqualTo(303);
    return response.location().substring("/register/".length());
  }

  private static void writeIdentityEvent(String userId, String type, JsonObject data) {
    system.store().write("identity-" + userId, NewMessage.of(type, data, Metadata.empty().withUserId(userId)));
  }

  private static String errorOf(WebClient.Response response, String field) {
    java.util.regex.Matcher matcher = java.util.regex.Pattern
        .compile("<div class=\"invalid-feedback\" id=\"" + field + "-error\">([^<]*)</div>")
        .matcher(response.body());
    return matcher.find() ? matcher.group(1).replace("&#39;", "'") : null;
  }

  private static long commandCount() {
    return system.store().readAll(0, 100_000).stream().filter(m -> m.type().equals("Register")).count();
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }
}
