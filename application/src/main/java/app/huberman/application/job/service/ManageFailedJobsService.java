package app.huberman.application.job.service;

import app.huberman.application.job.port.in.ManageFailedJobsUseCase;
import app.huberman.application.job.port.out.FailedJobRepository;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.domain.job.FailedJob;
import app.huberman.domain.job.JobType;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Operators' failed jobs; a prune keeps the failed jobs of the kept types, as the daily one does.
 */
public final class ManageFailedJobsService implements ManageFailedJobsUseCase {

  static final int MAX_LISTED = 500;

  private final FailedJobRepository failedJobs;
  private final UnitOfWorkPort unitOfWork;
  private final Set<JobType> kept;

  public ManageFailedJobsService(
      FailedJobRepository failedJobs, UnitOfWorkPort unitOfWork, Set<JobType> kept) {
    this.failedJobs = Objects.requireNonNull(failedJobs, "failedJobs");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.kept = Set.copyOf(kept);
  }

  @Override
  public List<FailedJob> listFailedJobs(int limit) {
    int bounded = Math.clamp(limit, 1, MAX_LISTED);
    return unitOfWork.readOnly(() -> failedJobs.list(bounded));
  }

  @Override
  public boolean retryFailedJob(UUID uuid) {
    return unitOfWork.atomically(() -> failedJobs.requeue(uuid));
  }

  @Override
  public int retryAllFailedJobs() {
    return unitOfWork.atomically(failedJobs::requeueAll);
  }

  @Override
  public boolean forgetFailedJob(UUID uuid) {
    return unitOfWork.atomically(() -> failedJobs.forget(uuid));
  }

  @Override
  public int pruneFailedJobs() {
    return unitOfWork.atomically(() -> failedJobs.pruneOlderThan(RETENTION, kept));
  }
}
