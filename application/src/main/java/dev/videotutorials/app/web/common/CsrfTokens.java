package dev.videotutorials.app.web.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Synchronizer tokens tied to the session: a session's token is an HMAC of its id under the
 * cookie secret, so every web instance that shares the secret computes the same token without
 * storing it, and a token is worthless for any other session.
 */
public final class CsrfTokens {

  /** The name of the hidden field every form carries. */
  public static final String FIELD = "_csrf";

  /** Every page needs a token; looking up and keying a Mac for each costs more than the HMAC. */
  private final ThreadLocal<Mac> macs;

  public CsrfTokens(String secret) {
    SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(() -> {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        return mac;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is not available", e);
      }
    });
    macs.get(); // fails at start, not at the first page, should the JDK lack HmacSHA256
  }

  public String tokenFor(String sessionId) {
    byte[] digest = macs.get().doFinal(("csrf|" + sessionId).getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  /** Constant-time comparison of a submitted token with the session's. */
  public boolean matches(String sessionId, String submitted) {
    if (submitted == null) {
      return false;
    }
    return MessageDigest.isEqual(tokenFor(sessionId).getBytes(StandardCharsets.UTF_8),
        submitted.getBytes(StandardCharsets.UTF_8));
  }
}
