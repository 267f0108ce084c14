package app.huberman.application.job.port.out;

import java.util.List;

/**
 * What one {@link JobStorePort#completeAndClaim} statement did.
 *
 * @param lost the finished jobs it did not delete: their reservation was lost (the job was rescued
 *     and is held by another worker, or at another attempt)
 * @param claimed the jobs it reserved
 */
public record CompletedAndClaimed(List<ClaimedJob> lost, List<ClaimedJob> claimed) {

  public CompletedAndClaimed {
    lost = List.copyOf(lost);
    claimed = List.copyOf(claimed);
  }
}
