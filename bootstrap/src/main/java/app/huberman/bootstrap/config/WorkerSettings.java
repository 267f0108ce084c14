package app.huberman.bootstrap.config;

import app.huberman.domain.job.QueueName;
import java.util.Set;

/**
 * The queue workers of this instance.
 *
 * @param workers worker threads ({@code QUEUE_WORKERS}); 0 runs none, for an API-only instance
 * @param queues the queues they serve
 * @param instanceId names this instance in reservations and scheduler ticks
 */
public record WorkerSettings(int workers, Set<QueueName> queues, String instanceId) {

  public WorkerSettings {
    if (workers < 0 || workers > 64) {
      throw new IllegalArgumentException("QUEUE_WORKERS must be between 0 and 64, not " + workers);
    }
    queues = Set.copyOf(queues);
  }
}
