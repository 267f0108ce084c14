package app.huberman.adapters.monitoring.jobs;

import app.huberman.application.job.port.in.CheckQueuesUseCase;
import app.huberman.domain.job.QueueStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Gauges of each queue (pending, delayed, reserved, oldest pending age, failed), read from the last
 * {@link #refresh()}, so a scrape never queries the database. A queue that empties reads 0.
 */
@ApplicationScoped
public class QueueGauges {

  private static final Logger LOG = Logger.getLogger(QueueGauges.class.getName());

  private CheckQueuesUseCase queues;
  private MetricRegistry registry;
  private final Map<String, QueueStats> latest = new ConcurrentHashMap<>();
  private final Set<String> registered = ConcurrentHashMap.newKeySet();

  /** For the CDI proxy only. */
  protected QueueGauges() {}

  @Inject
  public QueueGauges(CheckQueuesUseCase queues, MetricRegistry registry) {
    this.queues = queues;
    this.registry = registry;
  }

  /**
   * Registers the gauges of these queues at zero, at start-up, so that a scrape right after
   * readiness already finds them (the alert rules and the dashboard read them); queues that appear
   * later get theirs at the refresh that first sees them.
   */
  public void registerAtStart(Collection<String> knownQueues) {
    knownQueues.forEach(
        queue -> {
          if (registered.add(queue)) {
            register(queue);
          }
        });
  }

  /** Reads the queues' state; called every few seconds by the scheduler of this instance. */
  public void refresh() {
    List<QueueStats> stats;
    try {
      stats = queues.queueStats();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Queue statistics unavailable: {0}", e.getMessage());
      return;
    }
    latest.keySet().retainAll(stats.stream().map(queue -> queue.queue().value()).toList());
    for (QueueStats queue : stats) {
      latest.put(queue.queue().value(), queue);
      if (registered.add(queue.queue().value())) {
        register(queue.queue().value());
      }
    }
  }

  private void register(String queue) {
    gauge(queue, "jobs_pending", "Jobs that may run now", null, QueueStats::pending);
    gauge(
        queue,
        "jobs_delayed",
        "Jobs waiting for their time (delay or retry backoff)",
        null,
        QueueStats::delayed);
    gauge(queue, "jobs_reserved", "Jobs a worker holds", null, QueueStats::reserved);
    gauge(queue, "jobs_failed", "Failed jobs kept for operators", null, QueueStats::failed);
    gauge(
        queue,
        "jobs_oldest_pending_age",
        "How long the oldest runnable job has waited",
        MetricUnits.SECONDS,
        stats -> stats.oldestPendingAge().toMillis() / 1000.0);
  }

  private void gauge(
      String queue,
      String name,
      String description,
      String unit,
      ToDoubleFunction<QueueStats> value) {
    var metadata = Metadata.builder().withName(name).withDescription(description);
    if (unit != null) {
      metadata.withUnit(unit);
    }
    registry.gauge(
        metadata.build(),
        () -> {
          QueueStats stats = latest.get(queue);
          return stats == null ? 0.0 : value.applyAsDouble(stats);
        },
        new Tag("queue", queue));
  }
}
