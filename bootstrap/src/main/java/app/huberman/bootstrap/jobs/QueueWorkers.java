package app.huberman.bootstrap.jobs;

import app.huberman.adapters.monitoring.jobs.QueueGauges;
import app.huberman.adapters.monitoring.subscriptions.PremiumSubscriptionsGauge;
import app.huberman.adapters.monitoring.subscriptions.UnprocessedWebhooksGauges;
import app.huberman.application.health.port.in.CheckStartupUseCase;
import app.huberman.application.job.port.in.RunJobsUseCase;
import app.huberman.application.job.port.in.RunSchedulerUseCase;
import app.huberman.application.job.port.out.JobSignalPort;
import app.huberman.bootstrap.config.WorkerSettings;
import app.huberman.domain.job.QueueName;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs this instance's {@link WorkerPool} ({@code QUEUE_WORKERS} workers and a listener) and the
 * periodic rescue of abandoned jobs, scheduler ticks and the gauges read from the database. On
 * shutdown the workers finish the job in hand (for up to {@link #DRAIN}) and release the jobs they
 * claimed but had not started; a job still running after that stays reserved and is rescued later.
 */
@ApplicationScoped
public class QueueWorkers {

  static final Duration DRAIN = Duration.ofSeconds(30);
  private static final Logger LOG = Logger.getLogger(QueueWorkers.class.getName());

  private RunSchedulerUseCase scheduler;
  private RunJobsUseCase jobs;
  private CheckStartupUseCase startup;
  private QueueGauges gauges;
  private PremiumSubscriptionsGauge premiumGauge;
  private UnprocessedWebhooksGauges unprocessedWebhooks;
  private ManagedScheduledExecutorService timer;
  private WorkerSettings settings;
  private WorkerPool pool;
  private final List<ScheduledFuture<?>> periodic = new ArrayList<>();

  /** For the CDI proxy only. */
  protected QueueWorkers() {}

  @Inject
  public QueueWorkers(
      RunJobsUseCase jobs,
      RunSchedulerUseCase scheduler,
      CheckStartupUseCase startup,
      JobSignalPort signal,
      QueueGauges gauges,
      PremiumSubscriptionsGauge premiumGauge,
      UnprocessedWebhooksGauges unprocessedWebhooks,
      ManagedThreadFactory threads,
      ManagedScheduledExecutorService timer,
      WorkerSettings settings) {
    this.jobs = jobs;
    this.scheduler = scheduler;
    this.startup = startup;
    this.gauges = gauges;
    this.premiumGauge = premiumGauge;
    this.unprocessedWebhooks = unprocessedWebhooks;
    this.timer = timer;
    this.settings = settings;
    this.pool = new WorkerPool(jobs, signal, threads, settings.queues(), startup::started);
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    gauges.registerAtStart(settings.queues().stream().map(QueueName::value).toList());
    periodic.add(every(Duration.ofSeconds(10), Duration.ofSeconds(10), jobs::rescueAbandonedJobs));
    periodic.add(every(Duration.ofSeconds(2), Duration.ofSeconds(15), this::runScheduler));
    periodic.add(every(Duration.ofSeconds(2), Duration.ofSeconds(10), gauges::refresh));
    periodic.add(every(Duration.ofSeconds(3), Duration.ofSeconds(15), premiumGauge::refresh));
    periodic.add(
        every(Duration.ofSeconds(4), Duration.ofSeconds(15), unprocessedWebhooks::refresh));
    if (settings.workers() == 0) {
      LOG.info("QUEUE_WORKERS is 0: this instance runs no jobs");
      return;
    }
    pool.start(settings.workers(), settings.instanceId());
    LOG.log(
        Level.INFO,
        "Started {0} queue workers on {1} as {2}",
        new Object[] {
          settings.workers(),
          settings.queues().stream().map(QueueName::value).sorted().toList(),
          settings.instanceId()
        });
  }

  private ScheduledFuture<?> every(Duration first, Duration period, Runnable task) {
    return timer.scheduleWithFixedDelay(
        () -> {
          if (!pool.isStopping() && startup.started()) {
            guarded(task);
          }
        },
        first.toMillis(),
        period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void runScheduler() {
    List<String> started = scheduler.runDueTasks(settings.instanceId());
    if (!started.isEmpty()) {
      LOG.log(Level.INFO, "Scheduled tasks started: {0}", started);
    }
  }

  private static void guarded(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A periodic queue task failed; it runs again at its next period", e);
    }
  }

  /** How many workers this instance is configured to run ({@code QUEUE_WORKERS}). */
  int configuredWorkers() {
    return settings.workers();
  }

  /** How many of them are running now. */
  int aliveWorkers() {
    return pool.aliveWorkers();
  }

  @PreDestroy
  void stop() {
    periodic.forEach(task -> task.cancel(false));
    long stillRunning = pool.stop(DRAIN);
    if (stillRunning > 0) {
      LOG.log(
          Level.WARNING,
          "{0} queue threads still busy after {1} s; their jobs will be rescued after their"
              + " visibility timeout",
          new Object[] {stillRunning, DRAIN.toSeconds()});
    } else if (settings.workers() > 0) {
      LOG.info("Queue workers drained and stopped");
    }
  }
}
