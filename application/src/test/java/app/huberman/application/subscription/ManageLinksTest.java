package app.huberman.application.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.subscription.service.ManageLinks;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.user.Email;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ManageLinksTest {

  private final FakeStripeBilling stripe = new FakeStripeBilling();

  private ManageLinks links(Optional<String> googlePackage) {
    return new ManageLinks(stripe, googlePackage);
  }

  @Test
  void theAppStoreHasOnePageForEverySubscription() {
    assertThat(
            links(Optional.empty()).of(PaymentProvider.APPLE, Optional.of("x"), Optional.empty()))
        .contains("https://apps.apple.com/account/subscriptions");
  }

  @Test
  void googlePlayLinksTheProductWhenThePackageIsKnown() {
    assertThat(
            links(Optional.of("app.huberman.android"))
                .of(PaymentProvider.GOOGLE, Optional.of("premium_monthly"), Optional.empty()))
        .contains(
            "https://play.google.com/store/account/subscriptions?sku=premium_monthly&package=app.huberman.android");
    assertThat(
            links(Optional.empty())
                .of(PaymentProvider.GOOGLE, Optional.of("premium_monthly"), Optional.empty()))
        .contains("https://play.google.com/store/account/subscriptions");
  }

  @Test
  void stripeLinksAPortalSessionForTheCustomerOrNothing() {
    ManageLinks links = links(Optional.empty());
    assertThat(links.of(PaymentProvider.STRIPE, Optional.empty(), Optional.empty())).isEmpty();

    String customer = stripe.createCustomer(UUID.randomUUID(), Email.of("a@example.com"), "k");
    assertThat(links.of(PaymentProvider.STRIPE, Optional.empty(), Optional.of(customer)))
        .hasValueSatisfying(url -> assertThat(url).startsWith("https://billing.stripe.com/"));

    stripe.deleteInDashboard(customer);
    assertThat(links.of(PaymentProvider.STRIPE, Optional.empty(), Optional.of(customer))).isEmpty();
    stripe.goDown();
    assertThat(links.of(PaymentProvider.STRIPE, Optional.empty(), Optional.of(customer))).isEmpty();
  }
}
