package app.huberman.application.job.port.out;

import java.util.List;

/**
 * What {@link JobStorePort#nextJobs} did: the worker's finished jobs it could not complete, and the
 * jobs it handed over next.
 *
 * @param lost the finished jobs it did not complete: their reservation was lost (the job was
 *     rescued and is held by another worker, or at another attempt)
 * @param claimed the jobs now reserved for the worker
 */
public record NextJobs(List<ClaimedJob> lost, List<ClaimedJob> claimed) {

  public NextJobs {
    lost = List.copyOf(lost);
    claimed = List.copyOf(claimed);
  }
}
