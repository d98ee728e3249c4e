package dev.videotutorials.app.web.authenticate;

import dev.videotutorials.app.web.common.Form;
import dev.videotutorials.app.web.common.LoginThrottle;
import dev.videotutorials.app.web.common.Nav;
import dev.videotutorials.app.web.common.Passwords;
import dev.videotutorials.app.web.common.RequestTrace;
import dev.videotutorials.app.web.common.Views;
import dev.videotutorials.messagestore.MessageStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@code GET/POST /auth/log-in} and {@code POST /auth/log-out}. A wrong password and an unknown
 * email look the same to the visitor (same message, same status, about the same time); only a
 * wrong password is recorded as {@code UserLoginFailed}, as the original did.
 */
public final class AuthenticateApp {

  static final String INCORRECT = "Incorrect email or password";
  private static final int MAXIMUM_FIELD_LENGTH = 256;

  private final Views views;
  private final CredentialsQueries queries;
  private final AuthenticateActions actions;
  private final LoginThrottle throttle;

  public AuthenticateApp(Views views, MessageStore store, DataSource viewDatabase, LoginThrottle throttle) {
    this.views = views;
    this.queries = new CredentialsQueries(viewDatabase);
    this.actions = new AuthenticateActions(store);
    this.throttle = throttle;
  }

  public void register(RoutesConfig routes) {
    routes.get("/auth/log-in", ctx -> showForm(ctx, HttpStatus.OK, null, null));
    routes.post("/auth/log-in", this::logIn);
    routes.post("/auth/log-out", this::logOut);
  }

  private void logIn(Context ctx) {
    Form form = Form.of(ctx);
    String email = form.value("email");
    String password = form.value("password");
    if (email == null || email.isEmpty() || password == null || password.isEmpty()) {
      showForm(ctx, HttpStatus.BAD_REQUEST, email, "Enter your email and your password.");
      return;
    }
    if (email.length() > MAXIMUM_FIELD_LENGTH || password.length() > MAXIMUM_FIELD_LENGTH) {
      showForm(ctx, HttpStatus.BAD_REQUEST, null,
          "Email and password are at most " + MAXIMUM_FIELD_LENGTH + " characters long.");
      return;
    }
    String address = ctx.req().getRemoteAddr();
    if (throttle.blocked(email, address)) {
      showForm(ctx, HttpStatus.TOO_MANY_REQUESTS, email, "Too many failed log-in attempts. Wait "
          + throttle.limits().window().toMinutes() + " minutes, then try again.");
      return;
    }
    Optional<Credentials> credentials = queries.byEmail(email);
    if (credentials.isEmpty()) {
      Passwords.verifyDecoy(password);
      throttle.recordFailure(email, address);
      showForm(ctx, HttpStatus.UNAUTHORIZED, email, INCORRECT);
      return;
    }
    String userId = credentials.get().userId();
    String traceId = RequestTrace.traceId(ctx);
    if (!Passwords.matches(password, credentials.get().passwordHash())) {
      actions.loginFailed(userId, traceId);
      throttle.recordFailure(email, address);
      showForm(ctx, HttpStatus.UNAUTHORIZED, email, INCORRECT);
      return;
    }
    actions.loggedIn(userId, traceId);
    throttle.recordSuccess(email);
    views.sessions().logIn(ctx, userId);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  private void logOut(Context ctx) {
    views.sessions().logOut(ctx);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  private void showForm(Context ctx, HttpStatus status, String email, String error) {
    ctx.status(status);
    views.render(ctx, "authenticate/log-in.jte", new LogInView(views.page(ctx, "Log in", Nav.LOG_IN), email, error));
  }
}
