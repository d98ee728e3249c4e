package dev.videotutorials.app.web.home;

import dev.videotutorials.app.web.common.Nav;
import dev.videotutorials.app.web.common.SharedRead;
import dev.videotutorials.app.web.common.Views;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import javax.sql.DataSource;

/** {@code GET /}: the number of videos watched, and a button that records a viewing. */
public final class HomeApp {

  /** The video the original's home page records a viewing of. */
  public static final String SAMPLE_VIDEO_ID = "12345";

  private final Views views;
  /** Concurrent visitors share the query: the busiest page costs the database least. */
  private final SharedRead<Long> videosWatched;

  public HomeApp(Views views, DataSource viewDatabase) {
    this.views = views;
    this.videosWatched = new SharedRead<>(new HomePageQueries(viewDatabase)::videosWatched);
  }

  public void register(RoutesConfig routes) {
    routes.get("/", this::show);
  }

  private void show(Context ctx) {
    HomeView view = new HomeView(views.page(ctx, "Home", Nav.HOME), videosWatched.read(), SAMPLE_VIDEO_ID);
    views.render(ctx, "home/home.jte", view);
  }
}
