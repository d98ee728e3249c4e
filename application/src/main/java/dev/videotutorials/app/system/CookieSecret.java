package dev.videotutorials.app.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret behind the CSRF tokens: {@code COOKIE_SECRET} when set, otherwise 32 random bytes
 * generated once and kept in {@code <data directory>/cookie-secret}, readable by the owner only.
 * Web instances on different machines must share it: set {@code COOKIE_SECRET} on each.
 */
final class CookieSecret {

  static final String FILE_NAME = "cookie-secret";

  private CookieSecret() {
  }

  static String resolve(Settings settings) {
    if (settings.cookieSecret() != null) {
      return settings.cookieSecret();
    }
    Path file = settings.dataDirectory().resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (secret.length() < Settings.MINIMUM_COOKIE_SECRET_LENGTH) {
        throw new StartupException("The cookie secret in " + file + " is too short; delete the file to generate a new one", null);
      }
      return secret;
    } catch (IOException e) {
      throw new StartupException("Cannot keep the cookie secret in " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes a new secret next to the file, then links it into place: a concurrent start sees all or nothing. */
  private static void create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
    try {
      restrictToOwner(temporary);
      Files.writeString(temporary, HexFormat.of().formatHex(bytes) + "\n", StandardCharsets.UTF_8);
      Files.createLink(file, temporary);
    } catch (FileAlreadyExistsException e) {
      // another process created it first: use theirs
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void restrictToOwner(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the directory's permissions apply
    }
  }
}
