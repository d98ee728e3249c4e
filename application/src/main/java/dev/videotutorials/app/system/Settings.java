package dev.videotutorials.app.system;

import dev.videotutorials.messagestore.ConnectionString;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything the system reads from its environment. Every variable is optional; see the README's
 * configuration table. {@link #fromEnvironment} rejects unusable values with a
 * {@link SettingsException} whose message names the variable and never echoes a secret.
 *
 * @param messageStore the message store database, or null for the embedded server
 * @param viewDatabase the view database, or null for the embedded server
 * @param cookieSecret the secret that signs CSRF tokens, or null to keep a generated one in the
 *     data directory
 */
public record Settings(
    Set<Role> roles,
    String host,
    int port,
    Path dataDirectory,
    ConnectionString messageStore,
    ConnectionString viewDatabase,
    int embeddedPostgresPort,
    EmailDelivery emailDelivery,
    String senderAddress,
    String cookieSecret) {

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_DATA_DIRECTORY = "video-tutorials-data";
  public static final String DEFAULT_SENDER_ADDRESS = "no-reply@video-tutorials.local";
  public static final int MINIMUM_COOKIE_SECRET_LENGTH = 32;

  public Settings {
    roles = Set.copyOf(roles);
    if ((messageStore == null) != (viewDatabase == null)) {
      throw new IllegalArgumentException("Both databases are external or both are embedded");
    }
  }

  public static Settings fromEnvironment(Map<String, String> environment) {
    Environment env = new Environment(environment);
    Set<Role> roles = roles(env);
    Path dataDirectory = path(env, "DATA_DIRECTORY", Path.of(DEFAULT_DATA_DIRECTORY));
    ConnectionString messageStore = connectionString(env, "MESSAGE_STORE_CONNECTION_STRING");
    ConnectionString viewDatabase = connectionString(env, "DATABASE_URL");
    // One external database may hold both: the store in schema message_store, the views in public.
    if (messageStore == null) {
      messageStore = viewDatabase;
    }
    if (viewDatabase == null) {
      viewDatabase = messageStore;
    }
    return new Settings(
        roles,
        env.get("HOST", "0.0.0.0"),
        port(env, "PORT", DEFAULT_PORT, 0),
        dataDirectory,
        messageStore,
        viewDatabase,
        port(env, "EMBEDDED_POSTGRES_PORT", 0, 0),
        emailDelivery(env, dataDirectory),
        senderAddress(env),
        cookieSecret(env));
  }

  public boolean runs(Role role) {
    return roles.contains(role);
  }

  /** True when neither database is configured, so the process starts its own PostgreSQL. */
  public boolean usesEmbeddedPostgres() {
    return messageStore == null;
  }

  private static Set<Role> roles(Environment env) {
    String value = env.get("ROLES", "all");
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String part : value.split(",")) {
      String name = part.trim().toLowerCase(Locale.ROOT);
      if (name.equals("all")) {
        roles.addAll(EnumSet.allOf(Role.class));
        continue;
      }
      Role role = null;
      for (Role candidate : Role.values()) {
        if (candidate.settingName().equals(name)) {
          role = candidate;
        }
      }
      if (role == null) {
        throw new SettingsException("ROLES must list web, components, aggregators or all, separated by commas (got \""
            + abbreviate(value) + "\")");
      }
      roles.add(role);
    }
    return roles;
  }

  private static int port(Environment env, String name, int defaultValue, int minimum) {
    String value = env.get(name, null);
    if (value == null) {
      return defaultValue;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= minimum && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new SettingsException(name + " must be a number from " + minimum + " to 65535 (got \"" + abbreviate(value) + "\")");
  }

  private static Path path(Environment env, String name, Path defaultValue) {
    String value = env.get(name, null);
    try {
      Path path = value == null ? defaultValue : Path.of(value);
      return path.toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new SettingsException(name + " is not a valid path (got \"" + abbreviate(value) + "\")");
    }
  }

  private static ConnectionString connectionString(Environment env, String name) {
    String value = env.get(name, null);
    if (value == null) {
      return null;
    }
    try {
      return ConnectionString.parse(value);
    } catch (IllegalArgumentException e) {
      throw new SettingsException(name + ": " + e.getMessage());
    }
  }

  private static EmailDelivery emailDelivery(Environment env, Path dataDirectory) {
    String host = env.get("SMTP_HOST", null);
    if (host == null) {
      for (String name : new String[] {"SMTP_PORT", "SMTP_USERNAME", "SMTP_PASSWORD", "SMTP_TLS"}) {
        if (env.get(name, null) != null) {
          throw new SettingsException(name + " is set but SMTP_HOST is not: set SMTP_HOST to send email by SMTP");
        }
      }
      return new EmailDelivery.PickupDirectory(path(env, "EMAIL_DIRECTORY", dataDirectory.resolve("emails")));
    }
    EmailDelivery.Tls tls = tls(env);
    String username = env.get("SMTP_USERNAME", null);
    String password = env.getRaw("SMTP_PASSWORD");
    if ((username == null) != (password == null)) {
      throw new SettingsException("SMTP_USERNAME and SMTP_PASSWORD go together: set both or neither");
    }
    return new EmailDelivery.Smtp(host, port(env, "SMTP_PORT", tls.defaultPort(), 1), username, password, tls);
  }

  private static EmailDelivery.Tls tls(Environment env) {
    String value = env.get("SMTP_TLS", "starttls");
    for (EmailDelivery.Tls tls : EmailDelivery.Tls.values()) {
      if (tls.settingName().equals(value.toLowerCase(Locale.ROOT))) {
        return tls;
      }
    }
    throw new SettingsException("SMTP_TLS must be none, starttls or ssl (got \"" + abbreviate(value) + "\")");
  }

  private static String senderAddress(Environment env) {
    String value = env.get("SYSTEM_SENDER_EMAIL_ADDRESS", DEFAULT_SENDER_ADDRESS);
    try {
      new InternetAddress(value, true).validate();
      return value;
    } catch (AddressException e) {
      throw new SettingsException("SYSTEM_SENDER_EMAIL_ADDRESS is not a valid email address (got \"" + abbreviate(value) + "\")");
    }
  }

  private static String cookieSecret(Environment env) {
    String value = env.getRaw("COOKIE_SECRET");
    if (value == null) {
      return null;
    }
    if (value.length() < MINIMUM_COOKIE_SECRET_LENGTH) {
      throw new SettingsException("COOKIE_SECRET must be at least " + MINIMUM_COOKIE_SECRET_LENGTH
          + " characters long (e.g. 64 random hex digits: openssl rand -hex 32)");
    }
    return value;
  }

  private static String abbreviate(String value) {
    String oneLine = value.replaceAll("\\s+", " ");
    return oneLine.length() > 60 ? oneLine.substring(0, 60) + "..." : oneLine;
  }

  /** Variables with blank values count as unset. */
  private record Environment(Map<String, String> variables) {

    String get(String name, String defaultValue) {
      String value = variables.get(name);
      return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    /** Secrets are kept exactly as given. */
    String getRaw(String name) {
      String value = variables.get(name);
      return value == null || value.isEmpty() ? null : value;
    }
  }
}
