package app.huberman.application.subscription;

import app.huberman.application.subscription.port.out.StripeCustomerRepository;

class InMemoryStripeCustomersTest extends StripeCustomerRepositoryContract {

  @Override
  protected StripeCustomerRepository repository() {
    return new InMemoryStripeCustomers();
  }
}
