package dev.videotutorials.messagestore.consumer;

import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.MessageStore;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A consumer in a JVM of its own, for tests that kill a process: it follows a category and
 * records every message it handles in the {@link HandledTable}, then runs until killed.
 *
 * <p>Arguments: connection URL, subscriber id, category, handler name, batch size, position
 * update interval (messages), handler delay (ms).
 */
public final class ConsumerProcess {

  private ConsumerProcess() {
  }

  public static void main(String[] args) throws Exception {
    HikariDataSource dataSource = Databases.pool(ConnectionString.parse(args[0]), "child", 3);
    String handlerName = args[3];
    long delayMillis = Long.parseLong(args[6]);
    HandledTable table = new HandledTable(dataSource);
    Consumer consumer = Consumer.builder(new MessageStore(dataSource), args[1])
        .category(args[2])
        .on("Thing", message -> {
          if (delayMillis > 0) {
            Thread.sleep(delayMillis);
          }
          table.record(message, handlerName);
        })
        .batchSize(Integer.parseInt(args[4]))
        .positionUpdateInterval(Integer.parseInt(args[5]))
        .positionUpdateInterval(Duration.ofHours(1))
        .pollInterval(Duration.ofMillis(20))
        .build();
    consumer.start();
    Thread.currentThread().join();
  }

  /** Starts the process; its output goes to {@code target/consumer-process-{handler}.log}. */
  static Process start(String url, String subscriberId, String category, String handlerName, int batchSize,
      int positionUpdateInterval, long handlerDelayMillis) throws IOException {
    Path log = Path.of("target", "consumer-process-" + handlerName + ".log");
    Files.createDirectories(log.getParent());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), ConsumerProcess.class.getName(),
        url, subscriberId, category, handlerName, String.valueOf(batchSize), String.valueOf(positionUpdateInterval),
        String.valueOf(handlerDelayMillis)));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }
}
