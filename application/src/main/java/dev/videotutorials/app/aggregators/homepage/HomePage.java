package dev.videotutorials.app.aggregators.homepage;

/** The home page's view data: videos watched so far and the last view counted. */
public record HomePage(long videosWatched, long lastViewProcessed) {
}
