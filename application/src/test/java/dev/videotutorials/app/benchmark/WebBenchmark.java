package dev.videotutorials.app.benchmark;

import dev.videotutorials.app.testing.WebClient;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The timing client of {@code benchmarks/web/run-web-benchmark.sh}, run against the site after the
 * script's {@code wrk} load. Prints its results as shell assignments ({@code name=number}) on
 * standard output (progress on standard error) and exits with 1 when a request cannot be
 * accounted for:
 *
 * <ol>
 *   <li>after the load: how long until the home page's count equals the {@code VideoViewed}
 *       messages in the store;
 *   <li>a viewing recorded (POST answered) → the home page shows the new count, polling
 *       {@code GET /} back to back, with random 0–100 ms pauses between samples;
 *   <li>a registration answered → the first successful log-in;
 *   <li>accounting: every {@code POST /record-viewing} the server answered with 302 (its own
 *       metrics) is one {@code VideoViewed} message, and the home page counts all of them.
 * </ol>
 *
 * <p>Arguments: the site's URL, the message store's and the view database's JDBC URLs (user
 * {@code postgres}), the POSTs wrk counted as answered, and optionally the numbers of samples.
 */
public final class WebBenchmark {

  private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(60);
  /** The aggregator works through a load run's backlog at its own pace. */
  private static final long CATCH_UP_PATIENCE_NANOS = TimeUnit.MINUTES.toNanos(10);
  private static final String PASSWORD = "benchmark password";

  private WebBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: WebBenchmark <site url> <message store JDBC url> <view database JDBC url> "
          + "<POSTs wrk counted> [viewing samples] [registration samples]");
      System.exit(2);
    }
    long wrkAccepted = Long.parseLong(args[3]);
    int viewingSamples = args.length > 4 ? Integer.parseInt(args[4]) : 200;
    int registrationSamples = args.length > 5 ? Integer.parseInt(args[5]) : 30;
    try (RunningSite site = new RunningSite(URI.create(args[0]), args[1], args[2])) {
      boolean accounted = run(site, wrkAccepted, viewingSamples, registrationSamples);
      System.exit(accounted ? 0 : 1);
    }
  }

  private static boolean run(RunningSite site, long wrkAccepted, int viewingSamples, int registrationSamples)
      throws Exception {
    WebClient visitor = site.newVisitor();

    long acceptedByLoad = site.acceptedViewingsByMetrics(visitor);
    long start = System.nanoTime();
    long stored = site.videoViewedMessages();
    awaitHomeCount(visitor, stored, CATCH_UP_PATIENCE_NANOS, 10);
    result("catch_up_ms", (System.nanoTime() - start) / 1e6);
    result("load_viewings_stored", stored);
    result("load_posts_accepted", acceptedByLoad);
    result("load_posts_cut_off", acceptedByLoad - wrkAccepted);

    LatencySamples viewings = viewingToHomePage(visitor, viewingSamples);
    result("viewing_samples", viewings.size());
    results("viewing", viewings);

    LatencySamples[] registrations = registrationToLogIn(site, registrationSamples);
    result("registration_samples", registrations[0].size());
    results("registration_log_in", registrations[0]);
    results("registration_credentials", registrations[1]);
    results("log_in_request", registrations[2]);

    return account(site, visitor);
  }

  private static LatencySamples viewingToHomePage(WebClient visitor, int samples) throws InterruptedException {
    LatencySamples latencies = new LatencySamples();
    long count = RunningSite.videosWatched(visitor);
    for (int i = 0; i < samples; i++) {
      Thread.sleep(ThreadLocalRandom.current().nextInt(101));
      WebClient.Response recorded = visitor.post("/record-viewing/12345");
      long answered = System.nanoTime();
      if (recorded.status() != 302) {
        throw new IllegalStateException("POST /record-viewing answered " + recorded.status());
      }
      count++;
      awaitHomeCount(visitor, count);
      latencies.add(System.nanoTime() - answered);
    }
    progress("viewing → home page: " + latencies.summary());
    return latencies;
  }

  /**
   * [0]: registration answered → log-in answered with success; [1]: → credentials row exists;
   * [2]: the successful log-in request alone.
   */
  private static LatencySamples[] registrationToLogIn(RunningSite site, int samples) throws Exception {
    LatencySamples toLogIn = new LatencySamples();
    LatencySamples toCredentials = new LatencySamples();
    LatencySamples logIn = new LatencySamples();
    String run = Long.toString(System.currentTimeMillis(), 36);
    for (int i = 0; i < samples; i++) {
      WebClient visitor = site.newVisitor();
      String email = "benchmark-" + run + "-" + i + "@example.com";
      visitor.get("/register");
      WebClient.Response registered = visitor.post("/register", Map.of("email", email, "password", PASSWORD));
      long answered = System.nanoTime();
      if (registered.status() != 303) {
        throw new IllegalStateException("POST /register answered " + registered.status());
      }
      // Polling with failing log-ins would trip the log-in throttle (5 failures per email, 20 per
      // address in 15 minutes), so the view data says when to try; a refused try is tried again.
      long deadline = answered + PATIENCE_NANOS;
      while (!site.hasCredentials(email)) {
        checkDeadline(deadline, "the credentials of " + email);
        Thread.onSpinWait();
      }
      toCredentials.add(System.nanoTime() - answered);
      long tried;
      do {
        checkDeadline(deadline, "a successful log-in of " + email);
        tried = System.nanoTime();
      } while (visitor.post("/auth/log-in", Map.of("email", email, "password", PASSWORD)).status() != 303);
      long loggedIn = System.nanoTime();
      logIn.add(loggedIn - tried);
      toLogIn.add(loggedIn - answered);
    }
    progress("registration → log-in: " + toLogIn.summary() + "; the log-in request: " + logIn.summary());
    return new LatencySamples[] {toLogIn, toCredentials, logIn};
  }

  private static boolean account(RunningSite site, WebClient visitor) throws Exception {
    long accepted = site.acceptedViewingsByMetrics(visitor);
    long stored = site.videoViewedMessages();
    long shown = -1;
    if (stored == accepted) {
      awaitHomeCount(visitor, stored);
      shown = RunningSite.videosWatched(visitor);
    }
    boolean accounted = stored == accepted && shown == stored;
    result("posts_accepted", accepted);
    result("viewings_stored", stored);
    result("viewings_shown", shown);
    result("accounted", accounted ? 1 : 0);
    return accounted;
  }

  /** Polls the home page back to back. */
  private static void awaitHomeCount(WebClient visitor, long expected) {
    awaitHomeCount(visitor, expected, PATIENCE_NANOS, 0);
  }

  private static void awaitHomeCount(WebClient visitor, long expected, long patienceNanos, long pauseMillis) {
    long deadline = System.nanoTime() + patienceNanos;
    long shown;
    while ((shown = RunningSite.videosWatched(visitor)) < expected) {
      checkDeadline(deadline, "the home page to show " + expected + " (shows " + shown + ")");
      if (pauseMillis > 0) {
        try {
          Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
    if (shown > expected) {
      throw new IllegalStateException("The home page shows " + shown + ", more than the " + expected + " expected");
    }
  }

  private static void checkDeadline(long deadline, String what) {
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException("Gave up waiting for " + what);
    }
  }

  private static void results(String name, LatencySamples samples) {
    result(name + "_p50_ms", samples.percentileMillis(50));
    result(name + "_p99_ms", samples.percentileMillis(99));
    result(name + "_max_ms", samples.percentileMillis(100));
  }

  /** One result as a shell assignment, {@code name=number}, for the script to read. */
  private static void result(String name, double value) {
    System.out.println(name + "=" + (value == Math.rint(value) ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.1f", value)));
  }

  private static void progress(String text) {
    System.err.println(text);
  }
}
