package dev.videotutorials.app.web.home;

import dev.videotutorials.app.web.common.Page;

/** The home page: how many videos viewers watched, and the video the demo button records a viewing of. */
public record HomeView(Page page, long videosWatched, String sampleVideoId) {
}
