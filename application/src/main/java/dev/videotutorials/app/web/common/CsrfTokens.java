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

  private final SecretKeySpec key;

  public CsrfTokens(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  public String tokenFor(String sessionId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(("csrf|" + sessionId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
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
