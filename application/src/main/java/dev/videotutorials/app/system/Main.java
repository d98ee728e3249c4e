package dev.videotutorials.app.system;

import java.io.PrintStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the system from environment variables (all optional; see the README) and runs until the
 * process is told to stop. A configuration or start-up problem prints one line and exits with 1.
 */
public final class Main {

  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    VideoTutorials system = run(System.getenv(), System.out, System.err);
    if (system == null) {
      System.exit(1);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(system::close, "shutdown"));
  }

  /** Starts and reports; returns null, having printed why, when the system cannot start. */
  static VideoTutorials run(Map<String, String> environment, PrintStream out, PrintStream err) {
    try {
      Settings settings = Settings.fromEnvironment(environment);
      VideoTutorials system = VideoTutorials.start(settings, DomainConsumers::new);
      out.println(summary(settings, system));
      return system;
    } catch (SettingsException e) {
      err.println("Configuration error: " + e.getMessage());
    } catch (StartupException e) {
      log.debug("Start-up failed", e);
      err.println("Cannot start: " + e.getMessage());
    } catch (RuntimeException e) {
      log.error("Start-up failed unexpectedly", e);
      err.println("Cannot start: " + e);
    }
    return null;
  }

  private static String summary(Settings settings, VideoTutorials system) {
    StringBuilder text = new StringBuilder("Video Tutorials is running");
    if (system.url() != null) {
      text.append(" at ").append(system.url());
    }
    text.append(" (roles: ").append(String.join(",", settings.roles().stream().map(Role::settingName).sorted().toList()));
    if (system.embeddedPostgresPort() > 0) {
      text.append("; embedded PostgreSQL on port ").append(system.embeddedPostgresPort())
          .append(", data in ").append(settings.dataDirectory());
    }
    if (settings.runs(Role.COMPONENTS)) {
      text.append("; email: ").append(describe(settings.emailDelivery()));
    }
    return text.append(")").toString();
  }

  private static String describe(EmailDelivery delivery) {
    if (delivery instanceof EmailDelivery.PickupDirectory pickup) {
      return ".eml files in " + pickup.directory();
    }
    return delivery.toString();
  }
}
