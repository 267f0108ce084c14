package app.huberman.application.subscription;

import app.huberman.application.subscription.port.out.StripeCustomerRepository;
import app.huberman.domain.user.UserId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake {@link StripeCustomerRepository} that passes {@link StripeCustomerRepositoryContract}. */
public final class InMemoryStripeCustomers implements StripeCustomerRepository {

  private final Map<UserId, String> customers = new ConcurrentHashMap<>();

  @Override
  public Optional<String> customerOf(UserId account) {
    return Optional.ofNullable(customers.get(account));
  }

  @Override
  public String keep(UserId account, String customerId) {
    return customers.putIfAbsent(account, customerId) instanceof String kept ? kept : customerId;
  }

  @Override
  public void forget(UserId account, String customerId) {
    customers.remove(account, customerId);
  }
}
