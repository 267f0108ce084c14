package app.huberman.application.subscription;

import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import java.util.List;

class InMemoryWebhookEventRepositoryTest extends WebhookEventRepositoryContract {

  private final DirectUnitOfWork transactions = new DirectUnitOfWork();
  private final RecordingJobQueue jobs = new RecordingJobQueue();

  @Override
  protected WebhookEventRepository emptyRepository() {
    return new InMemoryWebhookEventRepository(jobs);
  }

  @Override
  protected List<String> processingJobsEnqueued() {
    return jobs.enqueued().stream()
        .filter(job -> job.type().equals(PROCESS))
        .map(job -> job.payload().require("event"))
        .toList();
  }

  @Override
  protected UnitOfWorkPort transactions() {
    return transactions;
  }
}
