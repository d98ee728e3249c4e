package dev.videotutorials.app.web.common;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt as the original system used it: {@code $2b$}, cost 10, passwords cut at bcrypt's 72-byte
 * limit (as Node's bcrypt does), so hashes made by either system verify in both.
 */
public final class Passwords {

  public static final int COST = 10;

  private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
  private static final BCrypt.Hasher HASHER = BCrypt.with(VERSION, LongPasswordStrategies.truncate(VERSION));
  private static final BCrypt.Verifyer VERIFYER = BCrypt.verifyer(VERSION, LongPasswordStrategies.truncate(VERSION));
  /** Checked when an email is unknown, so that the answer takes as long as for a known one. */
  private static final String DECOY_HASH = hash("decoy password, never a real one");

  private Passwords() {
  }

  public static String hash(String password) {
    return HASHER.hashToString(COST, password.toCharArray());
  }

  /** Accepts {@code $2a$}, {@code $2b$} and {@code $2y$} hashes; false for anything unparseable. */
  public static boolean matches(String password, String hash) {
    if (hash == null) {
      return false;
    }
    try {
      return VERIFYER.verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Spends the time of one verification, for unknown emails. */
  public static void verifyDecoy(String password) {
    matches(password, DECOY_HASH);
  }
}
