package dev.videotutorials.app.system;

import dev.videotutorials.app.web.WebServer;
import dev.videotutorials.app.web.common.LoginThrottle;
import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.consumer.Consumer;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running system: its databases (embedded or external), the message store installed or
 * upgraded, the view database migrated, the aggregators and components of its roles started
 * (aggregators first), and the web server. Closing stops everything in reverse order.
 */
public final class VideoTutorials implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(VideoTutorials.class);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private EmbeddedDatabases embedded;
  private MessageStoreConnection messageStore;
  private ViewDatabaseConnection viewDatabase;
  private RunningConsumers consumers;
  private URI url;

  private VideoTutorials() {
  }

  public static VideoTutorials start(Settings settings, ConsumerCatalog.Factory catalogFactory) {
    return start(settings, catalogFactory, LoginThrottle.Limits.DEFAULT);
  }

  /** As {@link #start(Settings, ConsumerCatalog.Factory)}, with other log-in limits (tests). */
  public static VideoTutorials start(Settings settings, ConsumerCatalog.Factory catalogFactory,
      LoginThrottle.Limits loginLimits) {
    VideoTutorials system = new VideoTutorials();
    try {
      system.startAll(settings, catalogFactory, loginLimits);
      return system;
    } catch (RuntimeException e) {
      system.close();
      throw e;
    }
  }

  private void startAll(Settings settings, ConsumerCatalog.Factory catalogFactory, LoginThrottle.Limits loginLimits) {
    ConnectionString storeConnection = settings.messageStore();
    ConnectionString viewConnection = settings.viewDatabase();
    if (settings.usesEmbeddedPostgres()) {
      embedded = remember(EmbeddedDatabases.start(settings.dataDirectory(), settings.embeddedPostgresPort()));
      storeConnection = embedded.messageStore();
      viewConnection = embedded.viewDatabase();
    }
    messageStore = remember(MessageStoreConnection.open(storeConnection));
    viewDatabase = remember(ViewDatabaseConnection.open(viewConnection));
    MetricsRegistry metrics = remember(new MetricsRegistry());
    consumers = remember(new RunningConsumers());

    ConsumerCatalog catalog = catalogFactory.create(messageStore.store(), viewDatabase.dataSource(), settings);
    if (settings.runs(Role.AGGREGATORS)) {
      consumers.start(catalog.aggregators());
    }
    if (settings.runs(Role.COMPONENTS)) {
      consumers.start(catalog.components());
    }

    if (settings.runs(Role.WEB)) {
      Map<String, DataSource> databases = new LinkedHashMap<>();
      databases.put("messageStore", messageStore.dataSource());
      databases.put("viewDatabase", viewDatabase.dataSource());
      HealthCheck health = remember(new HealthCheck(databases, consumers::list));
      WebServer web = new WebServer(new WebServer.Dependencies(messageStore.store(), viewDatabase.dataSource(),
          CookieSecret.resolve(settings), loginLimits, health, metrics));
      int port;
      try {
        port = web.start(settings.host(), settings.port());
      } catch (RuntimeException e) {
        throw new StartupException("Cannot serve HTTP on " + settings.host() + ":" + settings.port()
            + " (is the port in use? set PORT to another one): " + EmbeddedDatabases.rootMessage(e), e);
      }
      remember(web);
      url = URI.create("http://" + displayHost(settings.host()) + ":" + port + "/");
    }
    log.info("Started roles {} ({} consumers)", settings.roles(), consumers.list().size());
  }

  /** The web server's address, or null when this process does not run the web role. */
  public URI url() {
    return url;
  }

  /** The port of the embedded PostgreSQL, or -1 when the databases are external. */
  public int embeddedPostgresPort() {
    return embedded == null ? -1 : embedded.port();
  }

  /** The consumers this process runs, in start order. */
  public List<Consumer> consumers() {
    return consumers.list();
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable resource = started.pop();
      try {
        resource.close();
      } catch (Exception e) {
        log.warn("Stopping {} failed: {}", resource.getClass().getSimpleName(), e.getMessage());
      }
    }
  }

  private <T extends AutoCloseable> T remember(T resource) {
    started.push(resource);
    return resource;
  }

  private static String displayHost(String host) {
    return host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
  }
}
