package dev.videotutorials.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.videotutorials.messagestore.Databases;
import dev.videotutorials.messagestore.install.Installer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The message store benchmark: on one PostgreSQL server, 16 concurrent writers through our
 * {@code write_message}, through stock Message DB 1.3's, and through a plain INSERT into a table
 * with the same indexes, (a) into one category and (b) spread over 64 categories; then (c) whole
 * category reads in batches of 1,000. Reports ratios from the same run and writes the
 * {@code ## Message store} section of benchmarks/RESULTS.md.
 */
final class StoreBenchmark {

  static final String SECTION = "## Message store";
  static final String OURS_DATABASE = "msbench_ours";
  static final String STOCK_DATABASE = "msbench_stock";
  static final String READ_CATEGORY = "readBench";

  /** Command-line options. */
  static final class Options {
    double warmupSeconds = 2;
    double durationSeconds = 10;
    int rounds = 3;
    int writers = 16;
    int categories = 64;
    int streamsPerWriter = 100;
    int batch = 10;
    int readMessages = 200_000;
    int readPasses = 3;
    int readBatchSize = 1000;
    boolean stock = true;
    String stockPackage = StockMessageDb.DEFAULT_PACKAGE;
    Path results;
    boolean quick;
    boolean keep;
    Path oursSql;
    final List<String> given = new ArrayList<>();

    static Options parse(String[] args) {
      Options o = new Options();
      boolean resultsGiven = false;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        o.given.add(arg);
        String name = arg;
        String value = null;
        int eq = arg.indexOf('=');
        if (eq > 0) {
          name = arg.substring(0, eq);
          value = arg.substring(eq + 1);
        }
        switch (name) {
          case "--quick" -> o.quick = true;
          case "--keep" -> o.keep = true;
          case "--no-stock" -> o.stock = false;
          case "--help", "-h" -> {
            System.out.println(usage());
            System.exit(0);
          }
          default -> {
            if (value == null) {
              if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + name + "\n" + usage());
              }
              value = args[++i];
              o.given.add(value);
            }
            switch (name) {
              case "--warmup" -> o.warmupSeconds = Double.parseDouble(value);
              case "--duration" -> o.durationSeconds = Double.parseDouble(value);
              case "--rounds" -> o.rounds = Integer.parseInt(value);
              case "--writers" -> o.writers = Integer.parseInt(value);
              case "--categories" -> o.categories = Integer.parseInt(value);
              case "--streams-per-writer" -> o.streamsPerWriter = Integer.parseInt(value);
              case "--batch" -> o.batch = Integer.parseInt(value);
              case "--read-messages" -> o.readMessages = Integer.parseInt(value);
              case "--read-passes" -> o.readPasses = Integer.parseInt(value);
              case "--read-batch" -> o.readBatchSize = Integer.parseInt(value);
              case "--stock-package" -> o.stockPackage = value;
              case "--ours-sql" -> o.oursSql = Path.of(value);
              case "--results" -> {
                o.results = Path.of(value);
                resultsGiven = true;
              }
              default -> throw new IllegalArgumentException("Unknown option " + name + "\n" + usage());
            }
          }
        }
      }
      if (o.quick) {
        o.warmupSeconds = Math.min(o.warmupSeconds, 1);
        o.durationSeconds = Math.min(o.durationSeconds, 2);
        o.rounds = 1;
        o.readMessages = Math.min(o.readMessages, 20_000);
        o.readPasses = 1;
      }
      if (!resultsGiven && !o.quick && o.oursSql == null) {
        o.results = baseDirectory().resolve("RESULTS.md");
      }
      return o;
    }

    static String usage() {
      return """
          usage: benchmarks/run store [options]
            --warmup S            warm-up seconds per run (2)
            --duration S          measured seconds per run (10)
            --rounds N            runs per contender and scenario, interleaved; medians are reported (3)
            --writers N           concurrent writers, one connection each (16)
            --categories N        categories of scenario (b) (64)
            --streams-per-writer N  streams each writer picks from at random (100)
            --batch N             messages per transaction of the multi-message variant of (a); 0 skips it (10)
            --read-messages N     messages in the category read by (c) (200000)
            --read-passes N       measured passes over that category per contender (3)
            --read-batch N        batch size of the category reads (1000)
            --no-stock            do not fetch stock Message DB
            --stock-package SPEC  npm package with Message DB's SQL (@eventide/message-db@1.3.1)
            --results PATH        results file (benchmarks/RESULTS.md; not written by --quick unless given)
            --quick               a short smoke run: 1 s + 2 s per run, 1 round, 20000 messages read
            --keep                keep the benchmark databases on an external server
            --ours-sql FILE       run FILE in our database after installing it, to measure a candidate
                                  change to the SQL (results file not written unless --results is given)
          Uses MESSAGE_STORE_CONNECTION_STRING when set (the user needs CREATEDB), otherwise an
          embedded PostgreSQL 17 with fsync and synchronous_commit on, in benchmarks/target/.""";
    }
  }

  private StoreBenchmark() {
  }

  static int run(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    Path base = baseDirectory();
    Path work = base.resolve("target").resolve("store-benchmark").toAbsolutePath().normalize();
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    say("Message store benchmark" + (options.quick ? " (quick smoke run)" : ""));

    try (BenchmarkServer server = BenchmarkServer.start(work.resolve("pg-data"))) {
      say("server: " + (server.embedded() ? "embedded PostgreSQL" : "MESSAGE_STORE_CONNECTION_STRING"));
      try {
        return benchmark(options, server, work, started);
      } finally {
        if (!server.embedded() && !options.keep) {
          server.dropDatabase(OURS_DATABASE);
          server.dropDatabase(STOCK_DATABASE);
        }
      }
    }
  }

  private static int benchmark(Options options, BenchmarkServer server, Path work, Instant started) throws Exception {
    // Ours, and the plain table beside it in another schema.
    server.recreateDatabase(OURS_DATABASE);
    try (HikariDataSource pool = Databases.pool(server.database(OURS_DATABASE), "bench-install", 2)) {
      new Installer(pool).install();
    }
    try (Connection connection = server.connect(OURS_DATABASE)) {
      Contender.PlainInsert.install(connection);
      if (options.oursSql != null) {
        try (java.sql.Statement statement = connection.createStatement()) {
          statement.execute(Files.readString(options.oursSql));
        }
        say("applied " + options.oursSql + " to our database");
      }
    }
    Contender plain = new Contender.PlainInsert(server.database(OURS_DATABASE));
    Contender ours = new Contender.WriteMessage("ours", "ours: write_message", server.database(OURS_DATABASE));

    // Stock Message DB, when it can be fetched.
    Contender stock = null;
    String stockStatus;
    List<String> stockNotes = new ArrayList<>();
    if (!options.stock) {
      stockStatus = "not run (--no-stock)";
    } else {
      try {
        say("fetching " + options.stockPackage + " with npm pack");
        Path database = StockMessageDb.fetch(options.stockPackage, work.resolve("stock-message-db"));
        server.recreateDatabase(STOCK_DATABASE);
        try (Connection connection = server.connect(STOCK_DATABASE)) {
          stockNotes.addAll(StockMessageDb.install(connection, database));
        }
        stock = new Contender.WriteMessage("stock", "stock Message DB: write_message", server.database(STOCK_DATABASE));
        stockStatus = "installed from npm `" + options.stockPackage + "` at run time (" + String.join("; ", stockNotes) + ")";
        say("stock Message DB: " + String.join("; ", stockNotes));
      } catch (Exception e) {
        stockStatus = "not reachable: " + firstLine(e.getMessage());
        say("stock Message DB " + stockStatus);
      }
    }
    List<Contender> contenders = new ArrayList<>(List.of(plain, ours));
    if (stock != null) {
      contenders.add(stock);
    }

    Map<String, String> serverFacts = server.describe();
    CpuMeter cpu;
    try (Connection connection = server.connect("postgres")) {
      cpu = CpuMeter.forServer(connection);
    }
    say(cpu == null ? "CPU per message: not measured (server not on this machine, or no /proc)" : "CPU per message: measured from /proc");
    WriteLoad.Settings settings = new WriteLoad.Settings(
        options.writers, options.streamsPerWriter, options.warmupSeconds, options.durationSeconds);
    List<WriteLoad.Scenario> scenarios = new ArrayList<>();
    scenarios.add(new WriteLoad.Scenario("single", "(a) " + options.writers + " writers, one category, 1 message per transaction", 1, 1));
    scenarios.add(new WriteLoad.Scenario("spread", "(b) " + options.writers + " writers, " + options.categories
        + " categories (round robin), 1 message per transaction", options.categories, 1));
    if (options.batch > 1) {
      scenarios.add(new WriteLoad.Scenario("batched", "(a, multi-message variant) " + options.writers + " writers, one category, "
          + options.batch + " messages per transaction (one stream)", 1, options.batch));
    }

    long estimate = Math.round((scenarios.size() * options.rounds + 1) * contenders.size() * (options.warmupSeconds + options.durationSeconds + 1.5));
    say("writes: " + scenarios.size() + " scenarios x " + contenders.size() + " contenders x " + options.rounds
        + " rounds, about " + estimate + " s");
    List<WriteLoad.Result> writeResults = new ArrayList<>();
    int runNumber = 0;
    // Warms up the JVM and every contender's code path once, unmeasured, so that round 1 is not special.
    WriteLoad.Settings warmupOnly = new WriteLoad.Settings(options.writers, options.streamsPerWriter, 0, options.warmupSeconds);
    for (Contender contender : contenders) {
      runNumber++;
      WriteLoad.run(contender, scenarios.get(0), warmupOnly, 0, "r" + runNumber, null);
    }
    for (WriteLoad.Scenario scenario : scenarios) {
      for (int round = 1; round <= options.rounds; round++) {
        List<Contender> order = new ArrayList<>(contenders);
        if (round % 2 == 0) {
          java.util.Collections.reverse(order);
        }
        for (Contender contender : order) {
          runNumber++;
          server.checkpoint();
          WriteLoad.Result result = WriteLoad.run(contender, scenario, settings, round, "r" + runNumber, cpu);
          writeResults.add(result);
          say(String.format(Locale.ROOT, "  %-7s round %d  %-6s %,10.0f msg/s  p50 %6.2f ms  p99 %7.2f ms"
                  + "  cpu/msg server %4.0f us client %4.0f us  others %.2f cores%s%s",
              scenario.key(), round, contender.key, result.messagesPerSecond(), result.p50Millis(), result.p99Millis(),
              result.serverCpuMicrosPerMessage(), result.clientCpuMicrosPerMessage(), result.otherCores(),
              result.errors() > 0 ? "  errors " + result.errors() + " (" + result.firstError() + ")" : "",
              result.verified() ? "" : "  ROWS MISMATCH committed " + result.committedTotal() + " found " + result.rowsFound()));
        }
      }
    }

    // (c) category reads.
    List<Contender> readers = new ArrayList<>(List.of(ours));
    if (stock != null) {
      readers.add(stock);
    }
    readers.add(plain);
    say("reads: filling category " + READ_CATEGORY + " with " + options.readMessages + " messages per store");
    for (Contender contender : readers) {
      long t0 = System.nanoTime();
      CategoryReads.fill(contender, READ_CATEGORY, options.readMessages, 100);
      say(String.format(Locale.ROOT, "  filled %-6s in %.1f s", contender.key, (System.nanoTime() - t0) / 1e9));
    }
    for (Contender contender : readers) {
      CategoryReads.readAll(contender, READ_CATEGORY, options.readBatchSize, 0, cpu); // warm-up pass
    }
    List<CategoryReads.Pass> passes = new ArrayList<>();
    for (int pass = 1; pass <= options.readPasses; pass++) {
      List<Contender> order = new ArrayList<>(readers);
      if (pass % 2 == 0) {
        java.util.Collections.reverse(order);
      }
      for (Contender contender : order) {
        CategoryReads.Pass result = CategoryReads.readAll(contender, READ_CATEGORY, options.readBatchSize, pass, cpu);
        passes.add(result);
        say(String.format(Locale.ROOT, "  read    pass %d  %-6s %,10.0f msg/s  batch p50 %6.2f ms  p99 %6.2f ms  first %7.2f ms"
                + "  max %7.2f ms  cpu/msg server %5.2f us  (%d messages)",
            pass, contender.key, result.messagesPerSecond(), result.batchP50Millis(), result.batchP99Millis(),
            result.firstBatchMillis(), result.maxBatchMillis(), result.serverCpuMicrosPerMessage(), result.messages()));
      }
    }

    String section = report(options, started, serverFacts, server.embedded(), stockStatus, scenarios, contenders,
        writeResults, readers, passes);
    System.out.println();
    System.out.println(section);
    if (options.results != null) {
      ResultsFile.writeSection(options.results, section);
      say("wrote the '" + SECTION + "' section of " + options.results);
    }
    return 0;
  }

  // ------------------------------------------------------------------------------------------
  // Report

  private record Summary(double median, double min, double max, double p50, double p99, List<Double> values,
                         double serverCpu, double clientCpu, double firstBatch, double maxBatch,
                         long errors, boolean verified) {
  }

  private static Summary summarizeWrites(List<WriteLoad.Result> results) {
    double[] rates = results.stream().mapToDouble(WriteLoad.Result::messagesPerSecond).toArray();
    return new Summary(median(rates), min(rates), max(rates),
        median(results.stream().mapToDouble(WriteLoad.Result::p50Millis).toArray()),
        median(results.stream().mapToDouble(WriteLoad.Result::p99Millis).toArray()),
        Arrays.stream(rates).boxed().toList(),
        median(results.stream().mapToDouble(WriteLoad.Result::serverCpuMicrosPerMessage).toArray()),
        median(results.stream().mapToDouble(WriteLoad.Result::clientCpuMicrosPerMessage).toArray()),
        Double.NaN, Double.NaN,
        results.stream().mapToLong(WriteLoad.Result::errors).sum(),
        results.stream().allMatch(WriteLoad.Result::verified));
  }

  private static Summary summarizeReads(List<CategoryReads.Pass> results, long expected) {
    double[] rates = results.stream().mapToDouble(CategoryReads.Pass::messagesPerSecond).toArray();
    return new Summary(median(rates), min(rates), max(rates),
        median(results.stream().mapToDouble(CategoryReads.Pass::batchP50Millis).toArray()),
        median(results.stream().mapToDouble(CategoryReads.Pass::batchP99Millis).toArray()),
        Arrays.stream(rates).boxed().toList(),
        median(results.stream().mapToDouble(CategoryReads.Pass::serverCpuMicrosPerMessage).toArray()),
        median(results.stream().mapToDouble(CategoryReads.Pass::clientCpuMicrosPerMessage).toArray()),
        median(results.stream().mapToDouble(CategoryReads.Pass::firstBatchMillis).toArray()),
        median(results.stream().mapToDouble(CategoryReads.Pass::maxBatchMillis).toArray()),
        0, results.stream().allMatch(p -> p.messages() == expected));
  }

  /** A ratio between two contenders: the median of the ratios of their runs in the same round, and those ratios. */
  private record Ratio(double median, List<Double> perRound) {
    String text() {
      return String.format(Locale.ROOT, "%.2f", median) + " [" + String.join(", ",
          perRound.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList()) + "]";
    }
  }

  private static Ratio writeRatio(List<WriteLoad.Result> results, String scenario, String numerator, String denominator) {
    Map<Integer, Double> top = new LinkedHashMap<>();
    Map<Integer, Double> bottom = new LinkedHashMap<>();
    for (WriteLoad.Result r : results) {
      if (r.scenario().equals(scenario) && r.contender().equals(numerator)) {
        top.put(r.round(), r.messagesPerSecond());
      }
      if (r.scenario().equals(scenario) && r.contender().equals(denominator)) {
        bottom.put(r.round(), r.messagesPerSecond());
      }
    }
    return ratio(top, bottom);
  }

  private static Ratio readRatio(List<CategoryReads.Pass> passes, String numerator, String denominator) {
    Map<Integer, Double> top = new LinkedHashMap<>();
    Map<Integer, Double> bottom = new LinkedHashMap<>();
    for (CategoryReads.Pass p : passes) {
      if (p.contender().equals(numerator)) {
        top.put(p.pass(), p.messagesPerSecond());
      }
      if (p.contender().equals(denominator)) {
        bottom.put(p.pass(), p.messagesPerSecond());
      }
    }
    return ratio(top, bottom);
  }

  private static Ratio ratio(Map<Integer, Double> top, Map<Integer, Double> bottom) {
    List<Double> perRound = new ArrayList<>();
    top.forEach((round, value) -> {
      if (bottom.containsKey(round)) {
        perRound.add(value / bottom.get(round));
      }
    });
    return new Ratio(median(perRound.stream().mapToDouble(Double::doubleValue).toArray()), perRound);
  }

  private static String report(Options options, Instant started, Map<String, String> serverFacts, boolean embedded,
                               String stockStatus, List<WriteLoad.Scenario> scenarios, List<Contender> contenders,
                               List<WriteLoad.Result> writeResults, List<Contender> readers,
                               List<CategoryReads.Pass> passes) {
    boolean withStock = contenders.stream().anyMatch(c -> c.key.equals("stock"));
    double otherCores = median(writeResults.stream().mapToDouble(WriteLoad.Result::otherCores).toArray());
    int cores = Runtime.getRuntime().availableProcessors();

    StringBuilder out = new StringBuilder();
    out.append(SECTION).append("\n\n");
    out.append("Our `write_message` against a plain `INSERT` into a table with the same indexes and against stock Message DB 1.3,")
        .append(" and category reads, all in one run on one PostgreSQL server. Speed is compared only as ratios within this run.\n\n");
    out.append("- Date: ").append(started).append(" (").append(gitRevision()).append(")\n");
    out.append("- Command: `").append(command(options)).append("`\n");
    out.append("- Machine: ").append(machine()).append("\n");
    if (!Double.isNaN(otherCores)) {
      out.append(String.format(Locale.ROOT, "- Other load: processes outside this benchmark and its server used a median of"
          + " %.2f of the %d cores during the measured periods%s%n", otherCores, cores,
          otherCores > 0.25 * cores ? " — **the machine was shared, so throughput is noisy; compare the per-round ratios"
              + " and the CPU per message, which other load disturbs much less**" : ""));
    }
    out.append("- PostgreSQL: ").append(serverFacts.get("server_version"))
        .append(embedded ? " (embedded, zonky binaries; max_wal_size and checkpoint_timeout raised by the benchmark)" : " (MESSAGE_STORE_CONNECTION_STRING)")
        .append(", on the same machine; fsync=").append(serverFacts.get("fsync"))
        .append(", synchronous_commit=").append(serverFacts.get("synchronous_commit"))
        .append(", full_page_writes=").append(serverFacts.get("full_page_writes"))
        .append(", wal_sync_method=").append(serverFacts.get("wal_sync_method"))
        .append(", shared_buffers=").append(serverFacts.get("shared_buffers"))
        .append(", max_wal_size=").append(serverFacts.get("max_wal_size"))
        .append(", checkpoint_timeout=").append(serverFacts.get("checkpoint_timeout")).append("\n");
    out.append("- Contenders: **ours** = this repository's message store (`Installer`, database `").append(OURS_DATABASE)
        .append("`").append(options.oursSql == null ? "" : ", **then `" + options.oursSql.getFileName()
            + "` applied: a candidate change, not the repository's SQL**")
        .append("); **stock** = Message DB ").append(stockStatus).append(", database `").append(STOCK_DATABASE)
        .append("`; **plain** = one `INSERT ... VALUES` per message into `plain.messages` (same columns, defaults and")
        .append(" indexes, the category index on an immutable SQL `plain.category()`; positions counted by the client).")
        .append(" Every connection: JDBC over TCP to localhost, `SET search_path = message_store, public`, server-side prepared statements.\n");
    out.append(String.format(Locale.ROOT, "- Writes: %d writer threads, one connection each; every writer writes to %d streams of its own,"
            + " picked at random (stream name `<category>-w<writer>s<n>`, a fresh category name per run); data `%s`,"
            + " metadata `{\"traceId\":\"<uuid>\"}`; %.0f s warm-up then %.0f s measured per run; %d round(s), each running"
            + " every contender once (order reversed every other round), a checkpoint before every run. Throughput: median"
            + " over the rounds (all rounds listed). Ratios: median of the ratios between runs of the same round (each"
            + " round's ratio in brackets). Latency: per transaction as the client sees it (median over the rounds of each"
            + " round's p50/p99). CPU per message: CPU time of all server processes (server) and of the benchmark JVM"
            + " (client) during the measured period, divided by the messages written. Every run checks that the table"
            + " holds exactly the rows the clients committed.\n",
        options.writers, options.streamsPerWriter, Contender.DATA, options.warmupSeconds, options.durationSeconds, options.rounds));
    out.append(String.format(Locale.ROOT, "- Reads: category `%s` filled with %,d messages (100 per stream, written round robin,"
            + " %d per transaction) in each store after the write scenarios, then `VACUUM ANALYZE`; one connection reads the"
            + " whole category with `get_category_messages(category, position, %d)` from position 1, each batch from the last"
            + " global_position + 1, fetching every column; one warm-up pass, then %d measured pass(es) per contender,"
            + " interleaved. The plain row reads `plain.messages` directly with a query written to use the category index"
            + " (see the benchmark's README), for reference.\n\n",
        READ_CATEGORY, options.readMessages, CategoryReads.FILL_TRANSACTION_SIZE, options.readBatchSize, options.readPasses));

    Map<String, Map<String, Summary>> writes = new LinkedHashMap<>();
    for (WriteLoad.Scenario scenario : scenarios) {
      Map<String, Summary> byContender = new LinkedHashMap<>();
      for (Contender contender : contenders) {
        List<WriteLoad.Result> runs = writeResults.stream()
            .filter(r -> r.scenario().equals(scenario.key()) && r.contender().equals(contender.key)).toList();
        byContender.put(contender.key, summarizeWrites(runs));
      }
      writes.put(scenario.key(), byContender);

      out.append("### ").append(scenario.title()).append("\n\n");
      out.append("| contender | messages/s | rounds | p50 ms | p99 ms | server CPU µs/msg | client CPU µs/msg | vs plain |\n");
      out.append("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |\n");
      for (Contender contender : contenders) {
        Summary s = byContender.get(contender.key);
        String vsPlain = contender.key.equals("plain") ? "1.00"
            : writeRatio(writeResults, scenario.key(), contender.key, "plain").text();
        out.append(String.format(Locale.ROOT, "| %s | %,.0f | %s | %.2f | %.2f | %.0f | %.0f | %s |%n",
            contender.label, s.median(), rounds(s.values()), s.p50(), s.p99(), s.serverCpu(), s.clientCpu(), vsPlain));
      }
      out.append("\n");
      Ratio oursPlain = writeRatio(writeResults, scenario.key(), "ours", "plain");
      out.append("Ratios: ours/plain ").append(oursPlain.text());
      if (withStock) {
        out.append(", stock/plain ").append(writeRatio(writeResults, scenario.key(), "stock", "plain").text())
            .append(", ours/stock ").append(writeRatio(writeResults, scenario.key(), "ours", "stock").text());
      }
      Summary plainSummary = byContender.get("plain");
      double plainCpu = plainSummary.serverCpu() + plainSummary.clientCpu();
      if (!Double.isNaN(plainCpu)) {
        out.append(". CPU per message (server + client) relative to plain: ");
        List<String> parts = new ArrayList<>();
        for (Contender contender : contenders) {
          if (!contender.key.equals("plain")) {
            Summary s = byContender.get(contender.key);
            parts.add(String.format(Locale.ROOT, "%s %.2f×", contender.key, (s.serverCpu() + s.clientCpu()) / plainCpu));
          }
        }
        out.append(String.join(", ", parts));
      }
      out.append("\n");
      String problems = problems(byContender);
      if (!problems.isEmpty()) {
        out.append("\n").append(problems).append("\n");
      }
      out.append("\n");
    }

    Map<String, Summary> reads = new LinkedHashMap<>();
    for (Contender contender : readers) {
      reads.put(contender.key, summarizeReads(passes.stream().filter(p -> p.contender().equals(contender.key)).toList(),
          options.readMessages));
    }
    out.append("### (c) category reads, batches of ").append(String.format(Locale.ROOT, "%,d", options.readBatchSize))
        .append(", one connection\n\n");
    out.append("| reader | messages/s | passes | batch p50 ms | batch p99 ms | first batch ms | slowest batch ms | server CPU µs/msg |\n");
    out.append("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |\n");
    for (Contender contender : readers) {
      Summary s = reads.get(contender.key);
      String label = switch (contender.key) {
        case "ours" -> "ours: get_category_messages";
        case "stock" -> "stock Message DB: get_category_messages";
        default -> "plain SELECT on plain.messages (reference)";
      };
      out.append(String.format(Locale.ROOT, "| %s | %,.0f | %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
          label, s.median(), rounds(s.values()), s.p50(), s.p99(), s.firstBatch(), s.maxBatch(), s.serverCpu()));
    }
    out.append("\n");
    Ratio readOursStock = reads.containsKey("stock") ? readRatio(passes, "ours", "stock") : null;
    out.append("Ratios: ");
    if (readOursStock != null) {
      out.append("ours/stock ").append(readOursStock.text()).append(", stock/plain SELECT ")
          .append(readRatio(passes, "stock", "plain").text()).append(", ");
    }
    out.append("ours/plain SELECT ").append(readRatio(passes, "ours", "plain").text()).append("\n");
    List<String> readProblems = new ArrayList<>();
    reads.forEach((key, s) -> {
      if (!s.verified()) {
        readProblems.add(key + " did not return exactly " + options.readMessages + " messages in every pass");
      }
    });
    if (!readProblems.isEmpty()) {
      out.append("\n**Problems:** ").append(String.join("; ", readProblems)).append("\n");
    }
    out.append("\n");

    out.append("### Targets (fsync on, ratios from this run)\n\n");
    out.append("| target | measured | result |\n| --- | --- | --- |\n");
    Ratio a = writeRatio(writeResults, "single", "ours", "plain");
    String aStock = withStock
        ? "; stock/plain " + writeRatio(writeResults, "single", "stock", "plain").text()
            + "; ours/stock " + writeRatio(writeResults, "single", "ours", "stock").text()
        : "";
    out.append(String.format(Locale.ROOT, "| (a) one category: ours ≥ 70%% of plain INSERT | ours/plain %s%s | %s |%n",
        a.text(), aStock, verdict(a.median() >= 0.70, a, 0.70)));
    if (withStock) {
      Ratio b = writeRatio(writeResults, "spread", "ours", "stock");
      out.append(String.format(Locale.ROOT, "| (b) %d categories: ours no slower than stock | ours/stock %s (ours/plain %s) | %s |%n",
          options.categories, b.text(), writeRatio(writeResults, "spread", "ours", "plain").text(), verdict(b.median() >= 1.0, b, 1.0)));
    } else {
      out.append(String.format(Locale.ROOT, "| (b) %d categories: ours no slower than stock | stock not measured | not evaluated |%n",
          options.categories));
    }
    if (readOursStock != null) {
      out.append(String.format(Locale.ROOT, "| (c) category reads: ours no slower than stock | ours/stock %s | %s |%n",
          readOursStock.text(), verdict(readOursStock.median() >= 1.0, readOursStock, 1.0)));
    } else {
      out.append("| (c) category reads: ours no slower than stock | stock not measured | not evaluated |\n");
    }
    return out.toString();
  }

  private static String problems(Map<String, Summary> byContender) {
    List<String> problems = new ArrayList<>();
    byContender.forEach((key, s) -> {
      if (s.errors() > 0) {
        problems.add(key + ": " + s.errors() + " failed transactions");
      }
      if (!s.verified()) {
        problems.add(key + ": rows in the table differ from the messages committed");
      }
    });
    return problems.isEmpty() ? "" : "**Problems:** " + String.join("; ", problems);
  }

  /** Met or not by the median ratio; says when single rounds disagree with the verdict. */
  private static String verdict(boolean met, Ratio ratio, double threshold) {
    long agreeing = ratio.perRound().stream().filter(r -> (r >= threshold) == met).count();
    String base = met ? "**met**" : "**not met**";
    return agreeing == ratio.perRound().size() ? base
        : base + String.format(Locale.ROOT, " (%d of %d rounds agree)", agreeing, ratio.perRound().size());
  }

  private static String rounds(List<Double> values) {
    return String.join(" / ", values.stream().map(v -> String.format(Locale.ROOT, "%,.0f", v)).toList());
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  // ------------------------------------------------------------------------------------------
  // Environment

  /** The benchmarks module directory: benchmarks/ when run from the repository root. */
  static Path baseDirectory() {
    Path fromRoot = Path.of("benchmarks");
    if (Files.isRegularFile(fromRoot.resolve("pom.xml"))) {
      return fromRoot;
    }
    return Path.of(".");
  }

  private static String command(Options options) {
    String script = System.getenv("BENCHMARK_COMMAND");
    String prefix = script != null && !script.isBlank() ? script : "java -jar benchmarks/target/benchmarks.jar store";
    return options.given.isEmpty() ? prefix : prefix + " " + String.join(" ", options.given);
  }

  private static String machine() {
    StringBuilder s = new StringBuilder();
    s.append(Runtime.getRuntime().availableProcessors()).append(" cores");
    String cpu = cpuModel();
    if (cpu != null) {
      s.append(" (").append(cpu).append(")");
    }
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      s.append(String.format(Locale.ROOT, ", %.0f GiB RAM", os.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
    }
    s.append(", ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
        .append(' ').append(System.getProperty("os.arch"));
    s.append(", JDK ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version"));
    s.append("; the benchmark client runs on the same cores as the server");
    return s.toString();
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return null;
  }

  private static String gitRevision() {
    try {
      Process process = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes()).strip();
      if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 && !out.isEmpty()) {
        return "commit " + out;
      }
    } catch (IOException | InterruptedException e) {
      // no git
    }
    return "commit unknown";
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
