package app.huberman.application.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.subscription.service.ManageLinks;
import app.huberman.application.subscription.service.StripeCustomers;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.UserId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ManageLinksTest {

  private final UserId ada = UserId.of(1);
  private final FakeStripeBilling stripe = new FakeStripeBilling();
  private final InMemoryStripeCustomers stored = new InMemoryStripeCustomers();
  private final StripeCustomers customers =
      new StripeCustomers(
          stripe, stored, new RecordingSubscriptionEvents(), new DirectUnitOfWork());

  private ManageLinks links(Optional<String> googlePackage) {
    return new ManageLinks(customers, stripe, googlePackage);
  }

  @Test
  void theAppStoreHasOnePageForEverySubscription() {
    assertThat(links(Optional.empty()).of(PaymentProvider.APPLE, Optional.of("x"), ada))
        .contains("https://apps.apple.com/account/subscriptions");
  }

  @Test
  void googlePlayLinksTheProductWhenThePackageIsKnown() {
    assertThat(
            links(Optional.of("app.huberman.android"))
                .of(PaymentProvider.GOOGLE, Optional.of("premium_monthly"), ada))
        .contains(
            "https://play.google.com/store/account/subscriptions?sku=premium_monthly&package=app.huberman.android");
    assertThat(
            links(Optional.empty()).of(PaymentProvider.GOOGLE, Optional.of("premium_monthly"), ada))
        .contains("https://play.google.com/store/account/subscriptions");
  }

  @Test
  void stripeLinksAPortalSessionForTheCustomerOrNothing() {
    assertThat(links(Optional.empty()).of(PaymentProvider.STRIPE, Optional.empty(), ada)).isEmpty();

    stored.keep(ada, stripe.createCustomer(UUID.randomUUID(), Email.of("a@example.com"), "k"));
    assertThat(links(Optional.empty()).of(PaymentProvider.STRIPE, Optional.empty(), ada))
        .hasValueSatisfying(url -> assertThat(url).startsWith("https://billing.stripe.com/"));

    stripe.goDown();
    assertThat(links(Optional.empty()).of(PaymentProvider.STRIPE, Optional.empty(), ada)).isEmpty();
  }
}
