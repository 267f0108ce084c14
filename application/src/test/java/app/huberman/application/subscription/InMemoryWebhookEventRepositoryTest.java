package app.huberman.application.subscription;

import app.huberman.application.job.InMemoryJobQueue;
import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.shared.MutableClock;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.out.WebhookEventKey;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import java.time.Instant;
import java.util.List;

class InMemoryWebhookEventRepositoryTest extends WebhookEventRepositoryContract {

  private final DirectUnitOfWork transactions = new DirectUnitOfWork();
  private final InMemoryJobQueue jobs =
      new InMemoryJobQueue(new MutableClock(Instant.parse("2026-03-01T12:00:00Z")));

  @Override
  protected WebhookEventRepository emptyRepository() {
    return new InMemoryWebhookEventRepository(jobs, jobs::holds);
  }

  @Override
  protected List<String> processingJobsEnqueued() {
    return jobs.payloadValues(PROCESS, "event");
  }

  @Override
  protected void processingJobGone(WebhookEventKey key) {
    jobs.queued().stream()
        .filter(
            queued -> queued.job().options().uniqueKey().orElse("").equals(key.processingJobKey()))
        .forEach(queued -> jobs.finish(queued.uuid()));
  }

  @Override
  protected UnitOfWorkPort transactions() {
    return transactions;
  }
}
