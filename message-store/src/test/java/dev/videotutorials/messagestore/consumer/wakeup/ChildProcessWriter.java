package dev.videotutorials.messagestore.consumer.wakeup;

import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.NewMessage;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Another process writing through its own pool and notifier: writes one message and exits.
 * Arguments: stream name, message id. The connection string comes in {@value #CONNECTION_ENV}.
 */
public final class ChildProcessWriter {

  static final String CONNECTION_ENV = "WAKEUP_TEST_CONNECTION";

  private ChildProcessWriter() {
  }

  public static void main(String[] args) {
    ConnectionString connectionString = ConnectionString.parse(System.getenv(CONNECTION_ENV));
    try (HikariDataSource pool = Databases.pool(connectionString, "child-writer", 2);
         CommitNotifier notifier = CommitNotifier.start(connectionString, WakeUpSettings.DEFAULTS)) {
      MessageStore store = new MessageStore(pool, notifier);
      store.write(args[0], NewMessage.of("Written", JsonObject.of("by", "child")).withId(UUID.fromString(args[1])));
    }
  }

  /** Runs the writer in a new JVM on this JVM's class path; returns its exit code. */
  static int run(String connectionUrl, String streamName, UUID id, Path output) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ChildProcessWriter.class.getName(), streamName, id.toString());
    builder.environment().put(CONNECTION_ENV, connectionUrl);
    builder.redirectErrorStream(true).redirectOutput(output.toFile());
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("The child writer did not finish; see " + output);
    }
    return process.exitValue();
  }
}
