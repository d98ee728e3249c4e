package dev.videotutorials.app.system;

import java.nio.file.Path;
import java.util.Locale;

/** How the send-email component delivers: into a pickup directory, or to an SMTP server. */
public sealed interface EmailDelivery {

  /** Every email becomes an RFC 822 {@code .eml} file in {@code directory}. */
  record PickupDirectory(Path directory) implements EmailDelivery {
  }

  /** Email goes to an SMTP server; {@code username} and {@code password} may be null. */
  record Smtp(String host, int port, String username, String password, Tls tls) implements EmailDelivery {

    @Override
    public String toString() {
      return "SMTP " + host + ":" + port + " (" + tls.settingName() + (username == null ? "" : ", user " + username) + ")";
    }
  }

  enum Tls {
    NONE(25),
    STARTTLS(587),
    SSL(465);

    private final int defaultPort;

    Tls(int defaultPort) {
      this.defaultPort = defaultPort;
    }

    public int defaultPort() {
      return defaultPort;
    }

    public String settingName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
