package dev.videotutorials.app.web;

import dev.videotutorials.app.system.HealthCheck;
import dev.videotutorials.app.system.MetricsRegistry;
import dev.videotutorials.app.web.authenticate.AuthenticateApp;
import dev.videotutorials.app.web.common.CsrfProtection;
import dev.videotutorials.app.web.common.CsrfTokens;
import dev.videotutorials.app.web.common.ErrorPages;
import dev.videotutorials.app.web.common.HttpMetrics;
import dev.videotutorials.app.web.common.LoginThrottle;
import dev.videotutorials.app.web.common.RequestLimits;
import dev.videotutorials.app.web.common.RequestTrace;
import dev.videotutorials.app.web.common.SecurityHeaders;
import dev.videotutorials.app.web.common.Sessions;
import dev.videotutorials.app.web.common.Views;
import dev.videotutorials.app.web.creatorsportal.CreatorsPortalApp;
import dev.videotutorials.app.web.home.HomeApp;
import dev.videotutorials.app.web.operations.OperationsApp;
import dev.videotutorials.app.web.recordviewings.RecordViewingsApp;
import dev.videotutorials.app.web.registerusers.RegisterUsersApp;
import dev.videotutorials.messagestore.MessageStore;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import javax.sql.DataSource;

/** The HTTP server: every web app, the site-wide guards, error pages, health and metrics. */
public final class WebServer implements AutoCloseable {

  /** What the web apps need from the rest of the system. */
  public record Dependencies(
      MessageStore store,
      DataSource viewDatabase,
      String cookieSecret,
      LoginThrottle.Limits loginLimits,
      HealthCheck health,
      MetricsRegistry metrics) {
  }

  private final Javalin javalin;
  private final MetricsRegistry metrics;

  public WebServer(Dependencies dependencies) {
    this.metrics = dependencies.metrics();
    Sessions sessions = new Sessions(dependencies.viewDatabase(), new CsrfTokens(dependencies.cookieSecret()));
    Views views = new Views(sessions);
    ErrorPages errors = new ErrorPages(views);
    CsrfProtection csrf = new CsrfProtection(sessions);
    HttpMetrics httpMetrics = new HttpMetrics(metrics.registry());
    LoginThrottle throttle = new LoginThrottle(dependencies.viewDatabase(), dependencies.loginLimits());

    this.javalin = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.startup.showOldJavalinVersionWarning = false;
      cfg.http.maxRequestSize = RequestLimits.MAX_BODY_BYTES;
      cfg.http.prefer405over404 = true;
      cfg.staticFiles.enableWebjars();
      cfg.staticFiles.add(files -> {
        files.hostedPath = "/assets";
        files.directory = "/public";
        files.location = Location.CLASSPATH;
      });
      cfg.jetty.modifyServer(server ->
          new JettyServerThreadPoolMetrics(server.getThreadPool(), Tags.empty()).bindTo(metrics.registry()));

      cfg.routes.before(ctx -> {
        RequestTrace.begin(ctx);
        httpMetrics.begin(ctx);
        SecurityHeaders.apply(ctx);
        RequestLimits.check(ctx);
      });
      cfg.routes.beforeMatched(csrf::check);
      cfg.routes.after(httpMetrics::end);

      new HomeApp(views, dependencies.viewDatabase()).register(cfg.routes);
      new RecordViewingsApp(views, dependencies.store()).register(cfg.routes);
      new RegisterUsersApp(views, dependencies.store(), dependencies.viewDatabase()).register(cfg.routes);
      new AuthenticateApp(views, dependencies.store(), dependencies.viewDatabase(), throttle).register(cfg.routes);
      new CreatorsPortalApp(views).register(cfg.routes);
      new OperationsApp(dependencies.health(), metrics).register(cfg.routes);

      cfg.routes.exception(HttpResponseException.class, errors::httpError);
      cfg.routes.exception(Exception.class, errors::serverError);
      cfg.routes.error(404, errors::notFound);
      cfg.routes.error(405, errors::methodNotAllowed);
    });
  }

  /** Starts listening; returns the port (useful when {@code port} is 0: any free port). */
  public int start(String host, int port) {
    javalin.start(host, port);
    JettyConnectionMetrics.addToAllConnectors(javalin.jettyServer().server(), metrics.registry());
    return javalin.port();
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
