package dev.videotutorials.app.web.common;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Finds, starts, renews and ends the visitor's session. Every visitor gets a random session id
 * in an HttpOnly, SameSite=Lax cookie (Secure over HTTPS) because every page carries a CSRF
 * token; a row in {@code web_sessions} exists only once the session holds state (a logged-in
 * user or a registration), so anonymous page views never write to the database.
 */
public final class Sessions {

  public static final String COOKIE = "vt_session";

  /** Registrations a session remembers, newest last. */
  private static final int MAX_REGISTRATIONS = 20;
  private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final String ATTRIBUTE = WebSession.class.getName();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SessionStore store;
  private final CsrfTokens csrfTokens;

  public Sessions(DataSource viewDatabase, CsrfTokens csrfTokens) {
    this.store = new SessionStore(viewDatabase);
    this.csrfTokens = csrfTokens;
  }

  /** The request's session, loaded once per request; a visitor without one gets a new one. */
  public WebSession current(Context ctx) {
    WebSession session = ctx.attribute(ATTRIBUTE);
    if (session == null) {
      session = load(ctx);
      ctx.attribute(ATTRIBUTE, session);
    }
    return session;
  }

  /** The session if this request already loaded it (error pages must not fail on it). */
  public WebSession loadedOrNull(Context ctx) {
    return ctx.attribute(ATTRIBUTE);
  }

  /** Logs the user in under a new session id, so an id known before the log-in is worthless. */
  public void logIn(Context ctx, String userId) {
    WebSession previous = current(ctx);
    store.delete(hash(previous.id()));
    String id = newId();
    store.save(hash(id), new SessionStore.State(userId, previous.registrations()));
    begin(ctx, new WebSession(id, userId, previous.registrations(), csrfTokens.tokenFor(id)));
  }

  /** Drops the session's state and gives the visitor a fresh anonymous session. */
  public void logOut(Context ctx) {
    store.delete(hash(current(ctx).id()));
    begin(ctx, anonymous(newId()));
  }

  /** Lets this session (and only this one) see the outcome of registering {@code userId}. */
  public void rememberRegistration(Context ctx, String userId) {
    WebSession session = current(ctx);
    List<String> registrations = new ArrayList<>(session.registrations());
    registrations.add(userId);
    if (registrations.size() > MAX_REGISTRATIONS) {
      registrations = registrations.subList(registrations.size() - MAX_REGISTRATIONS, registrations.size());
    }
    store.save(hash(session.id()), new SessionStore.State(session.userId(), registrations));
    ctx.attribute(ATTRIBUTE, new WebSession(session.id(), session.userId(), registrations, session.csrfToken()));
  }

  public boolean csrfTokenMatches(Context ctx, String submitted) {
    return csrfTokens.matches(current(ctx).id(), submitted);
  }

  private WebSession load(Context ctx) {
    String id = ctx.cookie(COOKIE);
    if (id != null && SESSION_ID.matcher(id).matches()) {
      SessionStore.State state = store.find(hash(id)).orElse(SessionStore.State.EMPTY);
      return new WebSession(id, state.userId(), state.registrations(), csrfTokens.tokenFor(id));
    }
    WebSession session = anonymous(newId());
    setCookie(ctx, session.id());
    return session;
  }

  private void begin(Context ctx, WebSession session) {
    setCookie(ctx, session.id());
    ctx.attribute(ATTRIBUTE, session);
  }

  private WebSession anonymous(String id) {
    return new WebSession(id, null, List.of(), csrfTokens.tokenFor(id));
  }

  /** Replaces any cookie set earlier in this request: the last session begun wins. */
  private static void setCookie(Context ctx, String id) {
    String cookie = COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Lax" + (Https.isSecure(ctx) ? "; Secure" : "");
    ctx.res().setHeader("Set-Cookie", cookie);
  }

  private static String newId() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String hash(String id) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
