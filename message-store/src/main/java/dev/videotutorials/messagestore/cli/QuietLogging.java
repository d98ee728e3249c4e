package dev.videotutorials.messagestore.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps library logging out of the tool's output: only warnings and errors, on stderr, one line
 * each. Leaves logging alone when the user points Logback at a configuration of their own, and
 * does nothing when Logback is not on the class path.
 */
final class QuietLogging {

  /** Held so that the JDK does not forget the level set on it. */
  private static final java.util.logging.Logger DRIVER_LOGGER = java.util.logging.Logger.getLogger("org.postgresql");

  private QuietLogging() {
  }

  static void apply() {
    DRIVER_LOGGER.setLevel(java.util.logging.Level.OFF);
    if (System.getProperty("logback.configurationFile") != null) {
      return;
    }
    try {
      configureLogback();
    } catch (LinkageError | ClassCastException e) {
      // no Logback, or another SLF4J provider: leave it as it is
    }
  }

  private static void configureLogback() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(Cli.NAME + ": %level %logger{0}: %msg%n");
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(appender);
  }
}
