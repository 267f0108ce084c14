package app.huberman.application.subscription;

import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.out.WebhookEventRepository;

class InMemoryWebhookEventRepositoryTest extends WebhookEventRepositoryContract {

  private final DirectUnitOfWork transactions = new DirectUnitOfWork();

  @Override
  protected WebhookEventRepository emptyRepository() {
    return new InMemoryWebhookEventRepository();
  }

  @Override
  protected UnitOfWorkPort transactions() {
    return transactions;
  }
}
