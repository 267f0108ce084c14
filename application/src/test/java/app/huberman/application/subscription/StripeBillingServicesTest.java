package app.huberman.application.subscription;

import static app.huberman.application.subscription.PlanTestData.aFreePlan;
import static app.huberman.application.subscription.PlanTestData.aPremiumMonthlyPlan;
import static app.huberman.domain.subscription.SubscriptionStatus.ACTIVE;
import static app.huberman.domain.subscription.SubscriptionStatus.EXPIRED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.shared.ConflictException;
import app.huberman.application.shared.CountingRateLimiter;
import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.shared.MutableClock;
import app.huberman.application.shared.NotFoundException;
import app.huberman.application.shared.ProviderUnavailableException;
import app.huberman.application.shared.RateLimitedException;
import app.huberman.application.shared.ValidationException;
import app.huberman.application.subscription.FakeStripeBilling.CheckoutCall;
import app.huberman.application.subscription.port.in.CheckoutSession;
import app.huberman.application.subscription.service.OpenBillingPortalService;
import app.huberman.application.subscription.service.StartCheckoutService;
import app.huberman.application.subscription.service.StripeCustomers;
import app.huberman.application.user.UserTestData;
import app.huberman.domain.subscription.Observation;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StripeBillingServicesTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private final Plan free = aFreePlan().withId(1).build();
  private final Plan monthly = aPremiumMonthlyPlan().withId(2).build();
  private final Plan retired =
      aPremiumMonthlyPlan().withId(3).withSlug("premium-old").inactive().build();
  private final User ada = UserTestData.aUser().withId(1).withEmail("ada@example.com").build();

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryPlanRepository plans =
      new InMemoryPlanRepository().add(free, monthly, retired);
  private final InMemoryAccountDirectory accounts = new InMemoryAccountDirectory().add(ada);
  private final InMemorySubscriptionRepository subscriptions =
      new InMemorySubscriptionRepository(plans);
  private final InMemoryEntitlementCache cache = new InMemoryEntitlementCache();
  private final RecordingSubscriptionEvents events = new RecordingSubscriptionEvents();
  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();
  private final SharedCollaborators shared =
      SharedCollaborators.over(plans, subscriptions, cache, events, unitOfWork);
  private final CountingRateLimiter limiter = new CountingRateLimiter();
  private final FakeStripeBilling stripe = new FakeStripeBilling();
  private final InMemoryStripeCustomers customers = new InMemoryStripeCustomers();
  private final StripeCustomers stripeCustomers =
      new StripeCustomers(stripe, customers, events, unitOfWork);
  private final StartCheckoutService checkout =
      new StartCheckoutService(
          stripe,
          stripeCustomers,
          accounts,
          plans,
          subscriptions,
          shared.catalogue(),
          limiter,
          events,
          unitOfWork,
          clock);
  private final OpenBillingPortalService portal =
      new OpenBillingPortalService(stripe, stripeCustomers, limiter, events, unitOfWork);

  @Nested
  class Checkout {

    @Test
    void aFirstPurchaseCreatesTheCustomerKeepsItAndNamesTheAccount() {
      CheckoutSession session = checkout.start(ada.id(), "premium-monthly");

      assertThat(session.url().toString()).startsWith("https://checkout.stripe.com/");
      assertThat(customers.customerOf(ada.id())).contains("cus_1");
      assertThat(stripe.checkouts)
          .containsExactly(new CheckoutCall("cus_1", "price_test_monthly", ada.uuid()));
      assertThat(events.lines())
          .containsExactly(
              "stripe customer created user 1 cus_1",
              "checkout started premium-monthly user 1 " + session.id());
    }

    @Test
    void aLaterPurchaseReusesTheCustomer() {
      checkout.start(ada.id(), "premium-monthly");

      checkout.start(ada.id(), "premium-monthly");

      assertThat(stripe.customersCreated()).isEqualTo(1);
      assertThat(stripe.checkouts).extracting(CheckoutCall::customer).containsOnly("cus_1");
    }

    @Test
    void aCustomerDeletedInStripeIsReplacedWithANewOne() {
      checkout.start(ada.id(), "premium-monthly");
      stripe.deleteInDashboard("cus_1");

      checkout.start(ada.id(), "premium-monthly");

      assertThat(customers.customerOf(ada.id())).contains("cus_2");
      assertThat(stripe.checkouts)
          .extracting(CheckoutCall::customer)
          .containsExactly("cus_1", "cus_2");
      assertThat(events.lines()).contains("stripe customer forgotten user 1 cus_1");
    }

    @Test
    void refusesAUserWithPremiumFromAnyProvider() {
      premiumThrough(PaymentProvider.APPLE, ACTIVE);

      assertThatThrownBy(() -> checkout.start(ada.id(), "premium-monthly"))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("through the App Store");
      assertThat(stripe.customersCreated()).isZero();
      assertThat(stripe.checkouts).isEmpty();
    }

    @Test
    void aSubscriptionThatEndedDoesNotStandInTheWay() {
      premiumThrough(PaymentProvider.GOOGLE, EXPIRED);

      assertThat(checkout.start(ada.id(), "premium-monthly").id()).isNotBlank();
    }

    @Test
    void refusesPlansThatAreNotOnSaleOnTheWeb() {
      for (String slug : new String[] {"free", "premium-old", "premium-weekly", "Not A Slug", ""}) {
        assertThatThrownBy(() -> checkout.start(ada.id(), slug))
            .as(slug)
            .isInstanceOf(ValidationException.class)
            .satisfies(e -> assertThat(((ValidationException) e).errors()).containsKey("plan"));
      }
      assertThatThrownBy(() -> checkout.start(ada.id(), null))
          .isInstanceOf(ValidationException.class);
      assertThat(stripe.customersCreated()).isZero();
    }

    @Test
    void stripeDownIsUnavailableAndKeepsNothing() {
      stripe.goDown();

      assertThatThrownBy(() -> checkout.start(ada.id(), "premium-monthly"))
          .isInstanceOf(ProviderUnavailableException.class);
      assertThat(customers.customerOf(ada.id())).isEmpty();
    }

    @Test
    void isLimitedPerAccount() {
      for (int i = 0; i < StartCheckoutService.PER_ACCOUNT; i++) {
        checkout.start(ada.id(), "premium-monthly");
      }

      assertThatThrownBy(() -> checkout.start(ada.id(), "premium-monthly"))
          .isInstanceOf(RateLimitedException.class);
      assertThat(stripe.checkouts).hasSize(StartCheckoutService.PER_ACCOUNT);
    }
  }

  @Nested
  class Portal {

    @Test
    void opensThePortalForTheCustomer() {
      checkout.start(ada.id(), "premium-monthly");

      assertThat(portal.open(ada.id()).url().toString()).startsWith("https://billing.stripe.com/");
      assertThat(stripe.portals).containsExactly("cus_1");
      assertThat(events.lines()).contains("billing portal opened user 1");
    }

    @Test
    void aUserWhoNeverBoughtOnTheWebHasNoPortal() {
      assertThatThrownBy(() -> portal.open(ada.id())).isInstanceOf(NotFoundException.class);
      assertThat(stripe.portals).isEmpty();
    }

    @Test
    void aCustomerDeletedInStripeIsForgottenAndNotFound() {
      checkout.start(ada.id(), "premium-monthly");
      stripe.deleteInDashboard("cus_1");

      assertThatThrownBy(() -> portal.open(ada.id())).isInstanceOf(NotFoundException.class);
      assertThat(customers.customerOf(ada.id())).isEmpty();
    }

    @Test
    void isLimitedPerAccount() {
      checkout.start(ada.id(), "premium-monthly");
      for (int i = 0; i < OpenBillingPortalService.PER_ACCOUNT; i++) {
        portal.open(ada.id());
      }

      assertThatThrownBy(() -> portal.open(ada.id())).isInstanceOf(RateLimitedException.class);
    }
  }

  private void premiumThrough(
      PaymentProvider provider, app.huberman.domain.subscription.SubscriptionStatus status) {
    ProviderSubscriptionRef ref = new ProviderSubscriptionRef(provider, "sub_" + provider.key());
    Subscription subscription = subscriptions.lockOrStart(ref, T0);
    Observation observation =
        status == ACTIVE
            ? Observation.of(ACTIVE).withRenewal(T0.plus(Duration.ofDays(30)))
            : Observation.of(EXPIRED).withEnd(T0.minus(Duration.ofDays(1)));
    ProviderEvent event =
        new ProviderEvent(
            ref,
            "evt_" + provider.key(),
            "test",
            T0.minus(Duration.ofMinutes(1)),
            Optional.empty(),
            Optional.of(observation.withProduct(productOf(provider))));
    subscription.apply(event, Optional.of(monthly.id()), Optional.of(ada.id()), T0);
    subscriptions.save(subscription);
  }

  private String productOf(PaymentProvider provider) {
    return switch (provider) {
      case STRIPE -> monthly.productIds().stripePriceId().orElseThrow();
      case APPLE -> monthly.productIds().appleProductId().orElseThrow();
      case GOOGLE -> monthly.productIds().googleProductId().orElseThrow();
    };
  }
}
