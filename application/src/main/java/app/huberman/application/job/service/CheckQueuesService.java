package app.huberman.application.job.service;

import app.huberman.application.job.port.in.CheckQueuesUseCase;
import app.huberman.application.job.port.out.QueueStatsPort;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.domain.job.QueueStats;
import java.util.List;
import java.util.Objects;

public final class CheckQueuesService implements CheckQueuesUseCase {

  private final QueueStatsPort stats;
  private final UnitOfWorkPort unitOfWork;

  public CheckQueuesService(QueueStatsPort stats, UnitOfWorkPort unitOfWork) {
    this.stats = Objects.requireNonNull(stats, "stats");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public List<QueueStats> queueStats() {
    return unitOfWork.readOnly(stats::statsByQueue);
  }
}
