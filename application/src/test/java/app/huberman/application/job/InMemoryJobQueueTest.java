package app.huberman.application.job;

import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.shared.MutableClock;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import java.time.Instant;

class InMemoryJobQueueTest extends JobQueuePortContract {

  private final DirectUnitOfWork transactions = new DirectUnitOfWork();

  @Override
  protected JobQueuePort emptyQueue() {
    return new InMemoryJobQueue(new MutableClock(Instant.parse("2026-03-01T12:00:00Z")));
  }

  @Override
  protected UnitOfWorkPort transactions() {
    return transactions;
  }
}
