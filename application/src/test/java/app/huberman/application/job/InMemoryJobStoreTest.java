package app.huberman.application.job;

import app.huberman.application.job.port.out.JobStorePort;
import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.shared.port.out.UnitOfWorkPort;

class InMemoryJobStoreTest extends JobStoreContract {

  private final DirectUnitOfWork transactions = new DirectUnitOfWork();
  private InMemoryJobStore store;

  @Override
  protected JobStorePort emptyStore() {
    store = new InMemoryJobStore();
    return store;
  }

  @Override
  protected void enqueue(String n) {
    store.add(WORK, n);
  }

  @Override
  protected UnitOfWorkPort transactions() {
    return transactions;
  }
}
