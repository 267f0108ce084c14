package app.huberman.application.job;

import app.huberman.domain.job.JobType;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The handlers this instance can run, by job type. */
public final class JobHandlers {

  private final Map<JobType, JobHandler> byType = new HashMap<>();

  public JobHandlers(Collection<? extends JobHandler> handlers) {
    for (JobHandler handler : handlers) {
      JobHandler previous = byType.putIfAbsent(handler.type(), handler);
      if (previous != null) {
        throw new IllegalArgumentException("Two handlers for job type " + handler.type().value());
      }
    }
  }

  public Optional<JobHandler> forType(JobType type) {
    return Optional.ofNullable(byType.get(type));
  }
}
