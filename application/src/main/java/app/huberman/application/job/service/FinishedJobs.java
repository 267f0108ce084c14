package app.huberman.application.job.service;

import app.huberman.application.job.port.out.ClaimedJob;
import app.huberman.application.job.port.out.JobEventsPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The jobs one worker finished without a transaction and has not deleted yet. Used by that worker's
 * thread only.
 */
final class FinishedJobs {

  private record Finished(ClaimedJob job, Duration took) {}

  private final List<Finished> finished = new ArrayList<>();
  private long oldestClaimedAt;
  private Duration shortestRunTimeLimit;

  void add(ClaimedJob job, Duration took, long claimedAt) {
    if (finished.isEmpty() || claimedAt - oldestClaimedAt < 0) {
      oldestClaimedAt = claimedAt;
    }
    if (finished.isEmpty() || job.runTimeLimit().compareTo(shortestRunTimeLimit) < 0) {
      shortestRunTimeLimit = job.runTimeLimit();
    }
    finished.add(new Finished(job, took));
  }

  boolean isEmpty() {
    return finished.isEmpty();
  }

  List<ClaimedJob> jobs() {
    return finished.stream().map(Finished::job).toList();
  }

  /**
   * Whether these jobs must be deleted before {@code next} starts: the oldest was claimed longer
   * than {@link RunJobsService#COMPLETION_DELAY_LIMIT} ago, or {@code next} may run longer than one
   * of them was allowed to (its reservation is only sure to outlast its own run-time limit).
   */
  boolean mustCompleteBefore(ClaimedJob next, long now) {
    return !finished.isEmpty()
        && (now - oldestClaimedAt > RunJobsService.COMPLETION_DELAY_LIMIT.toNanos()
            || next.runTimeLimit().compareTo(shortestRunTimeLimit) > 0);
  }

  /**
   * The store completed them: reports each job as succeeded, or as lost if it is among {@code
   * lost}, and forgets them all.
   */
  void completed(List<ClaimedJob> lost, JobEventsPort events) {
    Set<Long> lostIds = new HashSet<>();
    lost.forEach(job -> lostIds.add(job.id()));
    for (Finished job : finished) {
      if (lostIds.contains(job.job().id())) {
        events.lost(job.job(), job.took());
      } else {
        events.succeeded(job.job(), job.took());
      }
    }
    finished.clear();
  }
}
