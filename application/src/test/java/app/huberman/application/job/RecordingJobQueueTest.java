package app.huberman.application.job;

import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.RecordingJobQueue;

class RecordingJobQueueTest extends JobQueuePortContract {

  private final DirectUnitOfWork transactions = new DirectUnitOfWork();

  @Override
  protected JobQueuePort emptyQueue() {
    return new RecordingJobQueue();
  }

  @Override
  protected UnitOfWorkPort transactions() {
    return transactions;
  }
}
