package app.huberman.application.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.subscription.port.out.StripeCustomerRepository;
import app.huberman.domain.user.UserId;
import org.junit.jupiter.api.Test;

/** What every {@link StripeCustomerRepository} must do; the fake and the JDBC adapter extend it. */
public abstract class StripeCustomerRepositoryContract {

  /** A repository where accounts 11 and 12 exist and have no customer yet. */
  protected abstract StripeCustomerRepository repository();

  private final UserId ada = UserId.of(11);
  private final UserId bob = UserId.of(12);

  @Test
  void anAccountHasNoCustomerUntilOneIsKept() {
    StripeCustomerRepository customers = repository();

    assertThat(customers.customerOf(ada)).isEmpty();
    assertThat(customers.keep(ada, "cus_ada")).isEqualTo("cus_ada");
    assertThat(customers.customerOf(ada)).contains("cus_ada");
    assertThat(customers.customerOf(bob)).isEmpty();
  }

  @Test
  void theFirstCustomerKeptStays() {
    StripeCustomerRepository customers = repository();
    customers.keep(ada, "cus_first");

    assertThat(customers.keep(ada, "cus_second")).isEqualTo("cus_first");
    assertThat(customers.customerOf(ada)).contains("cus_first");
  }

  @Test
  void forgetsOnlyTheCustomerNamed() {
    StripeCustomerRepository customers = repository();
    customers.keep(ada, "cus_ada");

    customers.forget(ada, "cus_other");
    assertThat(customers.customerOf(ada)).contains("cus_ada");

    customers.forget(ada, "cus_ada");
    assertThat(customers.customerOf(ada)).isEmpty();
    assertThat(customers.keep(ada, "cus_new")).isEqualTo("cus_new");
  }
}
