package app.huberman.application.subscription;

import static app.huberman.application.subscription.PlanTestData.aFreePlan;
import static app.huberman.application.subscription.PlanTestData.aPremiumMonthlyPlan;
import static app.huberman.domain.subscription.SubscriptionStatus.ACTIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.shared.CountingRateLimiter;
import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.shared.MutableClock;
import app.huberman.application.subscription.port.in.SandboxPurchaseRefusedException;
import app.huberman.application.subscription.port.in.SubscriptionView;
import app.huberman.application.subscription.service.CountPremiumSubscriptionsService;
import app.huberman.application.subscription.service.PaymentProviders;
import app.huberman.application.subscription.service.ProcessWebhookEventHandler;
import app.huberman.application.subscription.service.ReceiveWebhookService;
import app.huberman.application.subscription.service.SandboxAccess;
import app.huberman.application.subscription.service.SandboxAccess.Mode;
import app.huberman.application.subscription.service.SandboxPolicy;
import app.huberman.application.subscription.service.VerifyPurchaseService;
import app.huberman.application.subscription.service.ViewSubscriptionService;
import app.huberman.application.user.UserTestData;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.subscription.ClientPurchase;
import app.huberman.domain.subscription.Environment;
import app.huberman.domain.subscription.LapsePolicy;
import app.huberman.domain.subscription.Observation;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Purchases that cost nothing (App Store sandbox, Play test purchases) grant premium only to whom
 * {@code APPLE_SANDBOX_ACCESS} / {@code GOOGLE_TEST_PURCHASE_ACCESS} admit; paid ones as before.
 */
class SandboxAccessTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static final String MONTHLY_APPLE = "app.huberman.premium.monthly";
  private static final String SIGNED = "signed.sandbox.transaction";
  private static final String IP = "198.51.100.7";
  private static final ProviderSubscriptionRef APPLE_SUB =
      new ProviderSubscriptionRef(PaymentProvider.APPLE, "2000000777");
  private static final SandboxAccess NOBODY = new SandboxAccess(Mode.NOBODY, Set.of());

  private final Plan free = aFreePlan().withId(1).build();
  private final Plan premium = aPremiumMonthlyPlan().withId(2).build();
  private final User tester =
      UserTestData.aUser().withId(1).withEmail("Tester@Example.com").build();
  private final User stranger = UserTestData.aUser().withId(2).withEmail("eve@example.com").build();

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryPlanRepository plans = new InMemoryPlanRepository().add(free, premium);
  private final InMemoryAccountDirectory accounts = new InMemoryAccountDirectory();
  private final InMemorySubscriptionRepository subscriptions =
      new InMemorySubscriptionRepository(plans);
  private final RecordingJobQueue jobs = new RecordingJobQueue();
  private final InMemoryWebhookEventRepository webhookEvents =
      new InMemoryWebhookEventRepository(jobs, jobs::holds);
  private final InMemoryEntitlementCache cache = new InMemoryEntitlementCache();
  private final RecordingSubscriptionEvents events = new RecordingSubscriptionEvents();
  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();
  private final FakePaymentProvider apple = new FakePaymentProvider(PaymentProvider.APPLE);
  private final FakePaymentProvider google = new FakePaymentProvider(PaymentProvider.GOOGLE);
  private final List<FakePaymentProvider> providers = List.of(apple, google);
  private final LapsePolicy lapse = LapsePolicy.defaults();
  private final ReceiveWebhookService ingest =
      new ReceiveWebhookService(
          new PaymentProviders(providers),
          new OneByOneWebhookInbox(webhookEvents, unitOfWork, clock),
          events,
          unitOfWork);
  private final SharedCollaborators shared =
      SharedCollaborators.over(plans, subscriptions, cache, events, unitOfWork);
  private final ViewSubscriptionService queries =
      new ViewSubscriptionService(subscriptions, shared.catalogue(), cache, unitOfWork, clock);
  private final CountPremiumSubscriptionsService premiumCount =
      new CountPremiumSubscriptionsService(subscriptions, unitOfWork, clock, lapse);
  private int jobsRun;

  SandboxAccessTest() {
    accounts.add(tester, stranger);
  }

  private static SandboxPolicy apple(SandboxAccess access) {
    return new SandboxPolicy(access, SandboxAccess.ANYBODY);
  }

  private static SandboxAccess allowlist(String... emails) {
    return new SandboxAccess(Mode.ALLOWLIST, Set.of(emails));
  }

  private VerifyPurchaseService verification(SandboxPolicy policy) {
    return new VerifyPurchaseService(
        new PaymentProviders(providers),
        subscriptions,
        accounts,
        shared.applier(),
        shared.catalogue(),
        policy,
        new CountingRateLimiter(),
        events,
        unitOfWork,
        clock);
  }

  private static ProviderEvent appleEvent(
      String id, Instant at, Optional<User> account, Environment environment) {
    return new ProviderEvent(
            APPLE_SUB,
            id,
            "SUBSCRIBED",
            at,
            account.map(User::uuid),
            Optional.of(
                Observation.of(ACTIVE)
                    .withProduct(MONTHLY_APPLE)
                    .withRenewal(at.plus(Duration.ofDays(30)))))
        .in(environment);
  }

  private SubscriptionView verify(SandboxPolicy policy, User caller, Environment environment) {
    apple.purchase(SIGNED, () -> appleEvent("tx_1", T0, Optional.of(caller), environment));
    return verification(policy)
        .verify(caller.id(), new ClientPurchase.AppleTransaction(SIGNED), IP);
  }

  /** Receives the webhook about the event, then runs its job as a worker does. */
  private void deliver(SandboxPolicy policy, ProviderEvent event) {
    ingest.receive(PaymentProvider.APPLE, apple.webhookAbout(event));
    ProcessWebhookEventHandler processor =
        new ProcessWebhookEventHandler(
            new PaymentProviders(providers),
            webhookEvents,
            subscriptions,
            accounts,
            shared.applier(),
            policy,
            events,
            unitOfWork,
            clock);
    List<RecordingJobQueue.Enqueued> enqueued = jobs.enqueued();
    for (; jobsRun < enqueued.size(); jobsRun++) {
      JobPayload payload = enqueued.get(jobsRun).payload();
      unitOfWork.atomically(
          () -> {
            processor.handle(payload);
            return null;
          });
    }
  }

  private boolean premium(User user) {
    return queries.entitlements(user.id()).premium();
  }

  @Nested
  class ThePolicy {

    @Test
    void aPaidPurchaseCountsForAnybodyWhateverTheSetting() {
      SandboxPolicy nobody = new SandboxPolicy(NOBODY, NOBODY);

      for (PaymentProvider provider : PaymentProvider.values()) {
        assertThat(nobody.admits(provider, Environment.PRODUCTION, Optional.empty())).isTrue();
      }
    }

    @Test
    void theAllowlistComparesAddressesWithoutCase() {
      SandboxPolicy policy = apple(allowlist(" TESTER@example.COM "));

      assertThat(
              policy.admits(
                  PaymentProvider.APPLE,
                  Environment.SANDBOX,
                  Optional.of(Email.of("tester@EXAMPLE.com"))))
          .isTrue();
      assertThat(
              policy.admits(
                  PaymentProvider.APPLE,
                  Environment.SANDBOX,
                  Optional.of(Email.of("eve@example.com"))))
          .isFalse();
      assertThat(policy.admits(PaymentProvider.APPLE, Environment.SANDBOX, Optional.empty()))
          .isFalse();
    }

    @Test
    void eachProviderHasItsOwnSetting() {
      SandboxPolicy policy = new SandboxPolicy(NOBODY, SandboxAccess.ANYBODY);

      assertThat(policy.admits(PaymentProvider.APPLE, Environment.SANDBOX, Optional.empty()))
          .isFalse();
      assertThat(policy.admits(PaymentProvider.GOOGLE, Environment.SANDBOX, Optional.empty()))
          .isTrue();
    }

    @Test
    void anAllowlistNamesAtLeastOneAccountAndOnlyAddresses() {
      assertThatThrownBy(() -> new SandboxAccess(Mode.ALLOWLIST, Set.of()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> allowlist("not-an-address"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class VerifyingPurchases {

    @Test
    void withNobodyASandboxPurchaseIsRefusedAndNothingIsStoredOrGranted() {
      assertThatThrownBy(() -> verify(apple(NOBODY), tester, Environment.SANDBOX))
          .isInstanceOf(SandboxPurchaseRefusedException.class)
          .hasMessage("App Store sandbox purchases are not accepted for this account");

      assertThat(subscriptions.all()).isEmpty();
      assertThat(premium(tester)).isFalse();
      assertThat(events.lines()).containsExactly("sandbox refused apple user 1");
    }

    @Test
    void withNobodyAPaidPurchaseStillCounts() {
      SubscriptionView view = verify(apple(NOBODY), stranger, Environment.PRODUCTION);

      assertThat(view.active()).isTrue();
      assertThat(view.subscription().orElseThrow().environment()).isEqualTo(Environment.PRODUCTION);
    }

    @Test
    void withAnAllowlistOnlyTheListedAccountGetsPremium() {
      SandboxPolicy policy = apple(allowlist("tester@example.com"));

      assertThatThrownBy(() -> verify(policy, stranger, Environment.SANDBOX))
          .isInstanceOf(SandboxPurchaseRefusedException.class);
      SubscriptionView view = verify(policy, tester, Environment.SANDBOX);

      assertThat(premium(stranger)).isFalse();
      assertThat(view.active()).isTrue();
      assertThat(premium(tester)).isTrue();
    }

    @Test
    void withAnybodyASandboxPurchaseGrantsAndIsMarkedSandboxAndCountedApart() {
      SubscriptionView view = verify(SandboxPolicy.ANYBODY, stranger, Environment.SANDBOX);

      assertThat(view.active()).isTrue();
      assertThat(view.subscription().orElseThrow().environment()).isEqualTo(Environment.SANDBOX);
      assertThat(premiumCount.premiumSubscriptions())
          .isEqualTo(Map.of(Environment.PRODUCTION, 0L, Environment.SANDBOX, 1L));
    }
  }

  @Nested
  class Webhooks {

    @Test
    void withNobodyASandboxNotificationIsAcknowledgedAndIgnored() {
      deliver(apple(NOBODY), appleEvent("notif_1", T0, Optional.of(tester), Environment.SANDBOX));

      assertThat(subscriptions.all()).isEmpty();
      assertThat(premium(tester)).isFalse();
      assertThat(webhookEvents.find(PaymentProvider.APPLE, "notif_1").orElseThrow().isProcessed())
          .isTrue();
      assertThat(events.lines()).contains("sandbox ignored apple notif_1");
    }

    @Test
    void withAnAllowlistANotificationForAnUnlistedAccountIsIgnored() {
      SandboxPolicy policy = apple(allowlist("tester@example.com"));

      deliver(policy, appleEvent("notif_1", T0, Optional.of(stranger), Environment.SANDBOX));
      deliver(policy, appleEvent("notif_2", T0, Optional.empty(), Environment.SANDBOX));

      assertThat(subscriptions.all()).isEmpty();
      assertThat(premium(stranger)).isFalse();
      assertThat(events.lines())
          .contains("sandbox ignored apple notif_1", "sandbox ignored apple notif_2");
    }

    @Test
    void withAnAllowlistTheListedOwnerDecidesNotTheTokenOfALaterNotification() {
      SandboxPolicy policy = apple(allowlist("tester@example.com"));
      verify(policy, tester, Environment.SANDBOX);

      deliver(
          policy, appleEvent("notif_1", T0.plusSeconds(60), Optional.empty(), Environment.SANDBOX));

      assertThat(subscriptions.all()).hasSize(1);
      assertThat(subscriptions.all().getFirst().state().lastEventId()).contains("notif_1");
      assertThat(premium(tester)).isTrue();
    }

    @Test
    void anUnmarkedNotificationAboutASandboxSubscriptionIsIgnoredToo() {
      deliver(
          SandboxPolicy.ANYBODY,
          appleEvent("notif_1", T0, Optional.of(stranger), Environment.SANDBOX));
      SandboxPolicy nobody = apple(NOBODY);

      // A Play voided purchase, say, does not say where the purchase was made.
      deliver(
          nobody,
          new ProviderEvent(
              APPLE_SUB,
              "notif_2",
              "REFUND",
              T0.plusSeconds(60),
              Optional.empty(),
              Optional.of(Observation.revoked(T0.plusSeconds(60)))));

      assertThat(subscriptions.all().getFirst().state().lastEventId()).contains("notif_1");
      assertThat(events.lines()).contains("sandbox ignored apple notif_2");
    }

    @Test
    void withAnybodyASandboxNotificationGrantsAndMarksTheSubscription() {
      deliver(
          SandboxPolicy.ANYBODY,
          appleEvent("notif_1", T0, Optional.of(stranger), Environment.SANDBOX));

      assertThat(subscriptions.all().getFirst().environment()).isEqualTo(Environment.SANDBOX);
      assertThat(premium(stranger)).isTrue();
    }
  }
}
