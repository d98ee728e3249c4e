package dev.videotutorials.messagestore.consumer.wakeup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.JsonObject;
import dev.videotutorials.messagestore.MessageStore;
import dev.videotutorials.messagestore.MessageStoreException;
import dev.videotutorials.messagestore.NewMessage;
import dev.videotutorials.messagestore.consumer.Consumer;
import dev.videotutorials.messagestore.embedded.EmbeddedPostgresServer;
import dev.videotutorials.messagestore.install.Installer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stops and starts a PostgreSQL server of its own under a consuming consumer. */
class DatabaseRestartTest {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @TempDir
  Path directory;

  private EmbeddedPostgresServer server;
  private HikariDataSource pool;
  private WakeUpChannel channel;
  private Consumer consumer;

  @AfterEach
  void stopEverything() {
    if (consumer != null) {
      consumer.stop();
    }
    if (channel != null) {
      channel.close();
    }
    if (pool != null) {
      pool.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theConsumerResumesByItselfAfterTheServerRestartsAndLosesNothing() throws Exception {
    Path data = directory.resolve("data");
    int port = freePort();
    server = EmbeddedPostgresServer.startPersistent(data, port);
    ConnectionString connectionString = server.connectionString("postgres");
    pool = Databases.pool(connectionString, "restart-test", 4);
    new Installer(pool).install();
    channel = WakeUpChannel.start(connectionString);
    MessageStore store = channel.notifying(new MessageStore(pool));
    HandledMessages handled = new HandledMessages();
    consumer = Consumer.builder(store, "restart").category("restart").onAny(handled)
        .pollInterval(Duration.ofMillis(200)).wakeUps(channel.wakeUps()).build();
    consumer.start();
    Set<UUID> written = new HashSet<>();

    written.addAll(writeSome(store, 20));
    Eventually.within(DEADLINE, "messages written before the restart handled", () -> handled.containsAll(written));

    server.close();
    Eventually.within(DEADLINE, "the listener noticing the server is gone", () -> !channel.listener().listening());
    assertThatThrownBy(() -> writeSome(store, 1)).isInstanceOf(MessageStoreException.class);

    server = EmbeddedPostgresServer.startPersistent(data, port);
    Eventually.within(DEADLINE, "the listener listening again", () -> channel.listener().listening());
    assertThat(channel.listener().connectionsOpened()).isGreaterThanOrEqualTo(2);

    long seen = channel.wakeUps().version("restart");
    written.addAll(writeSome(store, 20));
    Eventually.within(DEADLINE, "a wake-up for a write after the restart",
        () -> channel.wakeUps().version("restart") > seen);
    Eventually.within(DEADLINE, "every message handled", () -> handled.containsAll(written));
    assertThat(handled.all()).extracting(message -> message.id()).containsOnlyElementsOf(written);
  }

  private static Set<UUID> writeSome(MessageStore store, int count) {
    Set<UUID> ids = new HashSet<>();
    for (int i = 0; i < count; i++) {
      UUID id = UUID.randomUUID();
      store.write("restart-" + (i % 3), NewMessage.of("Written", JsonObject.of("i", i)).withId(id));
      ids.add(id);
    }
    return ids;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
