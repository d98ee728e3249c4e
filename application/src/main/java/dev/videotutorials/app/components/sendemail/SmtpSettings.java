package dev.videotutorials.app.components.sendemail;

import java.util.Objects;

/**
 * Where and how to reach an SMTP server. {@code username} and {@code password} are both null
 * when the server needs no authentication.
 */
public record SmtpSettings(String host, int port, String username, String password, Tls tls) {

  /** How the connection is protected: not at all, upgraded with STARTTLS, or TLS from the start. */
  public enum Tls { NONE, STARTTLS, SSL }

  public SmtpSettings {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("SMTP host is missing");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("SMTP port must be between 1 and 65535: " + port);
    }
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException("SMTP username and password go together");
    }
    Objects.requireNonNull(tls, "tls");
  }

  public boolean authenticates() {
    return username != null;
  }

  @Override
  public String toString() {
    return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username
        + ", password=" + (password == null ? null : "***") + ", tls=" + tls + "]";
  }
}
