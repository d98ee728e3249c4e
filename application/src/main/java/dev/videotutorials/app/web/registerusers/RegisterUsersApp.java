package dev.videotutorials.app.web.registerusers;

import dev.videotutorials.app.web.common.Form;
import dev.videotutorials.app.web.common.Nav;
import dev.videotutorials.app.web.common.Page;
import dev.videotutorials.app.web.common.Passwords;
import dev.videotutorials.app.web.common.RequestTrace;
import dev.videotutorials.app.web.common.Views;
import dev.videotutorials.messagestore.MessageStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Registration: {@code GET /register} shows the form, {@code POST /register} validates it and
 * writes a {@code Register} command for a user id the server chose, and
 * {@code GET /register/{userId}} shows the identity component's decision to the session that
 * registered.
 */
public final class RegisterUsersApp {

  /** How long the outcome page waits for the decision before it shows "pending" and reloads. */
  private static final Duration PATIENCE = Duration.ofSeconds(2);

  private final Views views;
  private final UserCredentialsQueries queries;
  private final RegisterActions actions;
  private final RegistrationOutcomes outcomes;

  public RegisterUsersApp(Views views, MessageStore store, DataSource viewDatabase) {
    this.views = views;
    this.queries = new UserCredentialsQueries(viewDatabase);
    this.actions = new RegisterActions(store);
    this.outcomes = new RegistrationOutcomes(store);
  }

  public void register(RoutesConfig routes) {
    routes.get("/register", this::showForm);
    routes.post("/register", this::submit);
    routes.get("/register/{userId}", this::showOutcome);
  }

  private void showForm(Context ctx) {
    views.render(ctx, "registerusers/register.jte", new RegisterView(page(ctx), "", Map.of()));
  }

  private void submit(Context ctx) {
    Form form = Form.of(ctx);
    RegistrationForm input = new RegistrationForm(form.value("email"), form.value("password"));
    Map<String, List<String>> errors = input.errors();
    if (errors.isEmpty() && queries.emailTaken(input.email())) {
      RegistrationForm.add(errors, "email", "already taken");
    }
    if (!errors.isEmpty()) {
      ctx.status(HttpStatus.BAD_REQUEST);
      views.render(ctx, "registerusers/register.jte", new RegisterView(page(ctx), input.email(), errors));
      return;
    }
    String userId = UUID.randomUUID().toString();
    actions.register(userId, input.email(), Passwords.hash(input.password()), RequestTrace.traceId(ctx));
    views.sessions().rememberRegistration(ctx, userId);
    ctx.redirect("/register/" + userId, HttpStatus.SEE_OTHER);
  }

  private void showOutcome(Context ctx) throws InterruptedException {
    String userId = ctx.pathParam("userId");
    if (!isUuid(userId) || !views.session(ctx).registered(userId)) {
      throw new NotFoundResponse("There is no registration of yours at this address.");
    }
    RegistrationOutcome outcome = outcomes.await(userId, PATIENCE);
    Page page = views.page(ctx, switch (outcome.status()) {
      case PENDING -> "Registration pending";
      case REGISTERED -> "Registered";
      case REJECTED -> "Registration rejected";
    }, Nav.REGISTER);
    if (outcome.status() == RegistrationOutcome.Status.PENDING) {
      page = page.refreshingEvery(1);
    }
    views.render(ctx, "registerusers/registration.jte", new RegistrationView(page, outcome));
  }

  private Page page(Context ctx) {
    return views.page(ctx, "Register", Nav.REGISTER);
  }

  private static boolean isUuid(String text) {
    try {
      return UUID.fromString(text).toString().equals(text);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
