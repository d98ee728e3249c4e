package dev.videotutorials.messagestore.install;

import dev.videotutorials.messagestore.ConnectionString;
import dev.videotutorials.messagestore.Databases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs installers at the same moment from several threads, each with its own connection. */
final class ConcurrentInstalls {

  private ConcurrentInstalls() {
  }

  /** One installer per entry of {@code targets}, all released together; returns their results in order. */
  static List<Installer.Result> run(List<ConnectionString> targets) throws Exception {
    CyclicBarrier start = new CyclicBarrier(targets.size());
    ExecutorService threads = Executors.newFixedThreadPool(targets.size());
    try {
      List<Future<Installer.Result>> futures = new ArrayList<>();
      for (ConnectionString target : targets) {
        Installer installer = new Installer(Databases.unpooled(target, 10));
        futures.add(threads.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          return installer.install();
        }));
      }
      List<Installer.Result> results = new ArrayList<>();
      for (Future<Installer.Result> future : futures) {
        results.add(future.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }
}
