package app.huberman.application.subscription.port.out;

import app.huberman.domain.user.UserId;
import java.util.Optional;

/** The Stripe customer of each account that bought on the web; gone with the account. */
public interface StripeCustomerRepository {

  Optional<String> customerOf(UserId account);

  /**
   * Keeps the account's customer unless it has one already.
   *
   * @return the customer the account has now: this one, or the one a concurrent request kept first
   */
  String keep(UserId account, String customerId);

  /** Forgets the account's customer if it is still this one. */
  void forget(UserId account, String customerId);
}
