package app.huberman.bench;

import app.huberman.application.job.JobHandler.Completion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * No-op jobs per second, enqueue rate and idle enqueue-to-start latency of our queue, side by side
 * with db-scheduler and a raw {@code DELETE … SKIP LOCKED} loop, in one run against a fresh
 * database. See docs/benchmarks.md.
 *
 * <p>Usage: {@code JobQueueBenchmark [jobs=20000] [workers=4] [enqueue-threads=workers]}
 */
public final class JobQueueBenchmark {

  static final int ENQUEUE_BATCH = 100;
  static final int CLAIM_BATCH = 5;
  static final int LATENCY_SAMPLES = 200;

  private JobQueueBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int workers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int enqueueThreads = args.length > 2 ? Integer.parseInt(args[2]) : workers;
    int warmUpJobs = Math.max(1_000, jobs / 10);
    Path results = Path.of(System.getProperty("bench.results", "bench/results"));
    String loadAtStart = loadAverage();

    // Every contender takes its connections from one fixed pool: the enqueuing threads, the
    // workers, and db-scheduler's poller and housekeeping.
    try (BenchDatabase database = BenchDatabase.create(enqueueThreads + workers + 6)) {
      ExecutorService enqueuing = Executors.newFixedThreadPool(enqueueThreads);
      NoOpWork work = new NoOpWork();
      OurQueue ours =
          new OurQueue(database.pool(), database.server(), work, workers, Completion.AFTER_WORK);
      // The same queue with a handler that needs the job's transaction: the cost of that guarantee.
      OurQueue oursWithWork =
          new OurQueue(database.pool(), database.server(), work, workers, Completion.WITH_WORK);
      List<Contender> contenders =
          List.of(
              ours,
              oursWithWork,
              // At most CLAIM_BATCH executions picked at a time, as one of our workers claims.
              new DbScheduler(
                  database.pool(), work, workers, 0.5, (double) CLAIM_BATCH / workers, "A"),
              // Its README's advice for high throughput ("keep threads busy").
              new DbScheduler(database.pool(), work, workers, 1.0, 4.0, "B"),
              new RawSqlLoop(database.pool(), work, workers, CLAIM_BATCH));
      try {
        log(
            String.format(
                Locale.ROOT, "database %s, warm-up: %,d jobs each", database.name(), warmUpJobs));
        round(contenders, database, work, enqueuing, warmUpJobs, 20, "w");
        log(
            String.format(
                Locale.ROOT,
                "measuring: %,d jobs each, %d workers, %d enqueuing threads",
                jobs,
                workers,
                enqueueThreads));
        List<Figures> figures =
            round(contenders, database, work, enqueuing, jobs, LATENCY_SAMPLES, "m");
        Report report =
            new Report(figures.get(0), figures.get(1), figures.subList(2, 4), figures.get(4));
        String markdown =
            header(jobs, workers, enqueueThreads, warmUpJobs, database, loadAtStart)
                + "\n"
                + report.table()
                + "\n"
                + report.targets();
        System.out.println(markdown);
        Files.createDirectories(results);
        Path file =
            results.resolve(
                "job-queue-"
                    + LocalDateTime.now(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT))
                    + ".md");
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        log("written to " + file);
      } finally {
        enqueuing.shutdownNow();
        ours.close();
        oursWithWork.close();
      }
    }
  }

  /** Each contender in turn: enqueue, process with the workers just started, idle latency. */
  private static List<Figures> round(
      List<Contender> contenders,
      BenchDatabase database,
      NoOpWork work,
      ExecutorService enqueuing,
      int jobs,
      int samples,
      String prefix)
      throws Exception {
    List<Figures> figures = new ArrayList<>();
    for (Contender contender : contenders) {
      String ids = prefix + figures.size() + "-";
      String loadBefore = loadAverage();
      Duration enqueue = Measure.enqueue(contender, jobs, ENQUEUE_BATCH, ids, enqueuing);
      long queued = database.count(contender.table());
      if (queued != jobs) {
        throw new IllegalStateException(contender.name() + " queued " + queued + " of " + jobs);
      }
      database.vacuumAnalyze(contender.table());
      Duration process;
      Optional<Latencies> latencies = Optional.empty();
      try {
        process = Measure.process(contender, work, jobs, database);
        if (contender.wakesIdleWorkers()) {
          latencies = Optional.of(Measure.idleStart(contender, work, samples, ids + "idle-"));
        }
      } finally {
        contender.stopWorkers();
      }
      database.vacuumAnalyze(contender.table());
      Figures measured = new Figures(contender, jobs, enqueue, process, latencies);
      log(
          String.format(
              Locale.ROOT,
              "%-44s enqueue %,8.0f jobs/s, processing %,8.0f jobs/s%s (load %s before)",
              contender.name(),
              measured.enqueuePerSecond(),
              measured.processedPerSecond(),
              latencies
                  .map(l -> String.format(Locale.ROOT, ", idle p50 %.1f ms", l.percentile(50)))
                  .orElse(""),
              loadBefore));
      figures.add(measured);
    }
    return figures;
  }

  private static String header(
      int jobs,
      int workers,
      int enqueueThreads,
      int warmUpJobs,
      BenchDatabase database,
      String loadAtStart) {
    return String.format(
        Locale.ROOT,
        """
        Job queue benchmark, %s UTC: %,d no-op jobs per contender, %d workers (db-scheduler \
        `.threads(%d)`), enqueued by %d threads in transactions of %d, claims of %d; a warm-up \
        round of %,d jobs each ran first. %d CPUs, Java %s, PostgreSQL %s; load average %s at the \
        start, %s at the end.
        """,
        LocalDateTime.now(ZoneOffset.UTC).withNano(0),
        jobs,
        workers,
        workers,
        enqueueThreads,
        ENQUEUE_BATCH,
        CLAIM_BATCH,
        warmUpJobs,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        database.serverVersion(),
        loadAtStart,
        loadAverage());
  }

  /** The 1-minute load average. */
  private static String loadAverage() {
    try {
      String loadavg = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII);
      return loadavg.substring(0, loadavg.indexOf(' '));
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void log(String line) {
    System.err.println(line);
  }
}
