package app.huberman.adapters.persistence.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.persistence.MigratedDatabase;
import app.huberman.adapters.persistence.TestAccounts;
import app.huberman.application.subscription.StripeCustomerRepositoryContract;
import app.huberman.application.subscription.port.out.StripeCustomerRepository;
import app.huberman.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcStripeCustomerRepositoryIT extends StripeCustomerRepositoryContract {

  @RegisterExtension static final MigratedDatabase DB = new MigratedDatabase("stripe_customers");

  @Override
  protected StripeCustomerRepository repository() {
    TestAccounts.only(DB.database(), 11, 12);
    return new JdbcStripeCustomerRepository(DB.transactions().dataSource());
  }

  @Test
  void theCustomerGoesWithTheAccount() {
    StripeCustomerRepository customers = repository();
    customers.keep(UserId.of(11), "cus_ada");

    DB.database().execute("DELETE FROM users WHERE id = 11");

    assertThat(customers.customerOf(UserId.of(11))).isEmpty();
  }
}
