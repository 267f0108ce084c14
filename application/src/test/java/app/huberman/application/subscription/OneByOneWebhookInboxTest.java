package app.huberman.application.subscription;

import app.huberman.application.job.InMemoryJobQueue;
import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.shared.MutableClock;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.application.subscription.port.out.WebhookInboxPort;
import java.time.Instant;
import java.util.List;

class OneByOneWebhookInboxTest extends WebhookInboxContract {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final DirectUnitOfWork transactions = new DirectUnitOfWork();
  private final InMemoryJobQueue jobs = new InMemoryJobQueue(clock);
  private final InMemoryWebhookEventRepository webhookEvents =
      new InMemoryWebhookEventRepository(jobs, jobs::holds);

  @Override
  protected WebhookInboxPort emptyInbox() {
    return new OneByOneWebhookInbox(webhookEvents, transactions, clock);
  }

  @Override
  protected WebhookEventRepository webhookEvents() {
    return webhookEvents;
  }

  @Override
  protected UnitOfWorkPort transactions() {
    return transactions;
  }

  @Override
  protected List<String> processingJobsEnqueued() {
    return jobs.payloadValues(PROCESS, "event");
  }
}
