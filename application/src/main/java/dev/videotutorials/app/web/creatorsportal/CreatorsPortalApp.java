package dev.videotutorials.app.web.creatorsportal;

import dev.videotutorials.app.web.common.Nav;
import dev.videotutorials.app.web.common.Views;
import io.javalin.config.RoutesConfig;

/** {@code GET /creators-portal}: a placeholder until the portal is built. */
public final class CreatorsPortalApp {

  private final Views views;

  public CreatorsPortalApp(Views views) {
    this.views = views;
  }

  public void register(RoutesConfig routes) {
    routes.get("/creators-portal", ctx -> views.render(ctx, "creatorsportal/coming-soon.jte",
        new CreatorsPortalView(views.page(ctx, "Creator's Portal", Nav.CREATORS_PORTAL))));
  }
}
