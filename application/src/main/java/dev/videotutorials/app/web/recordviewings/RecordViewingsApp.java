package dev.videotutorials.app.web.recordviewings;

import dev.videotutorials.app.web.common.Views;
import dev.videotutorials.messagestore.MessageStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** {@code POST /record-viewing/{videoId}}: records that the visitor watched a video, then back home. */
public final class RecordViewingsApp {

  private final Views views;
  private final RecordViewingActions actions;

  public RecordViewingsApp(Views views, MessageStore store) {
    this.views = views;
    this.actions = new RecordViewingActions(store);
  }

  public void register(RoutesConfig routes) {
    routes.post("/record-viewing/{videoId}", this::recordViewing);
  }

  private void recordViewing(Context ctx) {
    String videoId = ctx.pathParam("videoId");
    if (!VideoIds.isValid(videoId)) {
      throw new BadRequestResponse("This is not a video id. " + VideoIds.RULE);
    }
    actions.recordViewing(videoId, views.metadata(ctx));
    ctx.redirect("/", HttpStatus.FOUND);
  }
}
