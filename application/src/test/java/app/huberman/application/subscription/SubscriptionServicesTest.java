package app.huberman.application.subscription;

import static app.huberman.application.subscription.PlanTestData.aFreePlan;
import static app.huberman.application.subscription.PlanTestData.aPremiumMonthlyPlan;
import static app.huberman.domain.subscription.SubscriptionStatus.ACTIVE;
import static app.huberman.domain.subscription.SubscriptionStatus.CANCELED;
import static app.huberman.domain.subscription.SubscriptionStatus.EXPIRED;
import static app.huberman.domain.subscription.SubscriptionStatus.PAST_DUE;
import static app.huberman.domain.subscription.SubscriptionStatus.TRIALING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.huberman.application.job.ScheduledTask;
import app.huberman.application.job.port.out.NewJob;
import app.huberman.application.shared.ConflictException;
import app.huberman.application.shared.CountingRateLimiter;
import app.huberman.application.shared.DependencyUnavailableException;
import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.shared.MutableClock;
import app.huberman.application.shared.ProviderUnavailableException;
import app.huberman.application.shared.RateLimitedException;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.in.SubscriptionView;
import app.huberman.application.subscription.port.in.WebhookReceipt;
import app.huberman.application.subscription.port.in.WebhookRequest;
import app.huberman.application.subscription.port.out.StoredWebhookEvent;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.application.subscription.port.out.WebhookEventKey;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.application.subscription.service.CountPremiumSubscriptionsService;
import app.huberman.application.subscription.service.ExpireSubscriptionsHandler;
import app.huberman.application.subscription.service.PaymentProviders;
import app.huberman.application.subscription.service.ProcessWebhookEventHandler;
import app.huberman.application.subscription.service.PruneWebhookEventsHandler;
import app.huberman.application.subscription.service.ReceiveWebhookService;
import app.huberman.application.subscription.service.RecheckOverdueRenewalsHandler;
import app.huberman.application.subscription.service.RecheckSubscriptionHandler;
import app.huberman.application.subscription.service.SandboxPolicy;
import app.huberman.application.subscription.service.SubscriptionSchedule;
import app.huberman.application.subscription.service.VerifyPurchaseService;
import app.huberman.application.subscription.service.ViewSubscriptionService;
import app.huberman.application.user.UserTestData;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.PermanentJobFailure;
import app.huberman.domain.job.Schedule;
import app.huberman.domain.subscription.ClientPurchase;
import app.huberman.domain.subscription.Entitlement;
import app.huberman.domain.subscription.Environment;
import app.huberman.domain.subscription.LapsePolicy;
import app.huberman.domain.subscription.Observation;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The subscription services with in-memory fakes, a fixed clock and a direct unit of work. */
class SubscriptionServicesTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static final String MONTHLY_PRICE = "price_test_monthly";
  private static final String MONTHLY_APPLE = "app.huberman.premium.monthly";
  private static final ProviderSubscriptionRef STRIPE_SUB =
      new ProviderSubscriptionRef(PaymentProvider.STRIPE, "sub_1");
  private static final ProviderSubscriptionRef APPLE_SUB =
      new ProviderSubscriptionRef(PaymentProvider.APPLE, "2000000123");

  private final Plan free = aFreePlan().withId(1).build();
  private final Plan premium = aPremiumMonthlyPlan().withId(2).build();
  private final User ada = UserTestData.aUser().withId(1).withEmail("ada@example.com").build();
  private final User bob = UserTestData.aUser().withId(2).withEmail("bob@example.com").build();

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryPlanRepository plans = new InMemoryPlanRepository().add(free, premium);
  private final InMemoryAccountDirectory accounts = new InMemoryAccountDirectory();
  private final InMemorySubscriptionRepository subscriptions =
      new InMemorySubscriptionRepository(plans);
  private final RecordingJobQueue jobs = new RecordingJobQueue();
  private static final String IP = "198.51.100.7";

  private final InMemoryWebhookEventRepository webhookEvents =
      new InMemoryWebhookEventRepository(jobs, jobs::holds);
  private final InMemoryEntitlementCache cache = new InMemoryEntitlementCache();
  private final RecordingSubscriptionEvents events = new RecordingSubscriptionEvents();
  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();
  private final FakePaymentProvider stripe = new FakePaymentProvider(PaymentProvider.STRIPE);
  private final FakePaymentProvider apple = new FakePaymentProvider(PaymentProvider.APPLE);
  private final List<FakePaymentProvider> providers = List.of(stripe, apple);
  private final LapsePolicy lapse = LapsePolicy.defaults();
  private final SharedCollaborators shared =
      SharedCollaborators.over(plans, subscriptions, cache, events, unitOfWork);

  private final ReceiveWebhookService ingest =
      new ReceiveWebhookService(
          new PaymentProviders(providers),
          new OneByOneWebhookInbox(webhookEvents, unitOfWork, clock),
          events,
          unitOfWork);
  private final ProcessWebhookEventHandler processor =
      new ProcessWebhookEventHandler(
          new PaymentProviders(providers),
          webhookEvents,
          subscriptions,
          accounts,
          shared.applier(),
          SandboxPolicy.ANYBODY,
          events,
          unitOfWork,
          clock);
  private final CountingRateLimiter limiter = new CountingRateLimiter();
  private final VerifyPurchaseService purchases =
      new VerifyPurchaseService(
          new PaymentProviders(providers),
          subscriptions,
          accounts,
          shared.applier(),
          shared.catalogue(),
          SandboxPolicy.ANYBODY,
          limiter,
          events,
          unitOfWork,
          clock);
  private final ViewSubscriptionService queries =
      new ViewSubscriptionService(subscriptions, shared.catalogue(), cache, unitOfWork, clock);
  private final CountPremiumSubscriptionsService premiumCount =
      new CountPremiumSubscriptionsService(subscriptions, unitOfWork, clock, lapse);
  private final ExpireSubscriptionsHandler expiry =
      new ExpireSubscriptionsHandler(
          subscriptions, cache, events, unitOfWork, clock, lapse, shared.notices());
  private final FakeProviderRecheck appleApi = new FakeProviderRecheck(PaymentProvider.APPLE);
  private final RecheckOverdueRenewalsHandler overdue =
      new RecheckOverdueRenewalsHandler(List.of(appleApi), subscriptions, jobs, clock);
  private final RecheckSubscriptionHandler recheck =
      new RecheckSubscriptionHandler(
          List.of(appleApi), subscriptions, accounts, shared.applier(), events, unitOfWork, clock);
  private final PruneWebhookEventsHandler prune =
      new PruneWebhookEventsHandler(webhookEvents, clock);

  private int jobsRun;

  SubscriptionServicesTest() {
    accounts.add(ada, bob);
  }

  private static Instant minutes(long minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  private static Observation activeUntil(Instant renewal) {
    return Observation.of(ACTIVE).withProduct(MONTHLY_PRICE).withRenewal(renewal);
  }

  private static ProviderEvent stripeEvent(
      String id, Instant at, Observation observation, Optional<User> account) {
    return new ProviderEvent(
        STRIPE_SUB,
        id,
        "customer.subscription.updated",
        at,
        account.map(User::uuid),
        Optional.of(observation));
  }

  private static ProviderEvent appleEvent(String id, Instant at, Optional<User> account) {
    return appleEvent(
        id,
        at,
        account,
        Observation.of(ACTIVE)
            .withProduct(MONTHLY_APPLE)
            .withRenewal(at.plus(Duration.ofDays(30))));
  }

  private static ProviderEvent appleEvent(
      String id, Instant at, Optional<User> account, Observation observation) {
    return new ProviderEvent(
        APPLE_SUB, id, "SUBSCRIBED", at, account.map(User::uuid), Optional.of(observation));
  }

  /** Receives the webhook about the event, then runs the job it enqueued. */
  private WebhookReceipt deliver(ProviderEvent event) {
    WebhookReceipt receipt = ingest.receive(PaymentProvider.STRIPE, stripe.webhookAbout(event));
    runEnqueuedJobs();
    return receipt;
  }

  private void deliverApple(ProviderEvent event) {
    ingest.receive(PaymentProvider.APPLE, apple.webhookAbout(event));
    runEnqueuedJobs();
  }

  /** Runs each job not run yet, each in its own transaction, as a worker does. */
  private void runEnqueuedJobs() {
    List<RecordingJobQueue.Enqueued> enqueued = jobs.enqueued();
    for (; jobsRun < enqueued.size(); jobsRun++) {
      RecordingJobQueue.Enqueued job = enqueued.get(jobsRun);
      unitOfWork.atomically(
          () -> {
            if (job.type().equals(RecheckSubscriptionHandler.TYPE)) {
              recheck.handle(job.payload());
            } else {
              processor.handle(job.payload());
            }
            return null;
          });
      jobs.finished(job);
    }
  }

  private StoredWebhookEvent stored(String eventId) {
    return webhookEvents.find(PaymentProvider.STRIPE, eventId).orElseThrow();
  }

  private Subscription theOnly() {
    assertThat(subscriptions.all()).hasSize(1);
    return subscriptions.all().getFirst();
  }

  private Entitlement premiumUntil(Instant end) {
    return new Entitlement(true, premium.slug(), premium.features(), Optional.ofNullable(end));
  }

  private void cacheSomethingFor(User user) {
    cache.put(user.id(), Entitlement.free(free), Duration.ofMinutes(15));
  }

  @Nested
  class ReceivingWebhooks {

    @Test
    void storesAVerifiedWebhookAndEnqueuesItsProcessingInOneTransaction() {
      ProviderEvent event = stripeEvent("evt_1", T0, activeUntil(minutes(60)), Optional.empty());

      WebhookReceipt receipt = ingest.receive(PaymentProvider.STRIPE, stripe.webhookAbout(event));

      assertThat(receipt).isEqualTo(WebhookReceipt.ACCEPTED);
      assertThat(unitOfWork.transactions()).isEqualTo(1);
      assertThat(stored("evt_1").isProcessed()).isFalse();
      assertThat(stored("evt_1").receivedAt()).isEqualTo(T0);
      assertThat(jobs.enqueued())
          .singleElement()
          .satisfies(
              job -> {
                assertThat(job.type()).isEqualTo(ProcessWebhookEventHandler.TYPE);
                assertThat(job.type().value()).isEqualTo("subscriptions.process-webhook");
                assertThat(job.payload())
                    .isEqualTo(JobPayload.of(1, Map.of("provider", "stripe", "event_id", "evt_1")));
                assertThat(job.options().maxAttempts()).isEqualTo(10);
                assertThat(job.options().uniqueKey()).contains("webhook:stripe:evt_1");
              });
      assertThat(events.lines()).containsExactly("received stripe evt_1 ACCEPTED");
      assertThat(subscriptions.all()).isEmpty();
    }

    @Test
    void aWebhookStoredBeforeIsAcknowledgedWithoutASecondJob() {
      WebhookRequest request =
          stripe.webhookAbout(stripeEvent("evt_1", T0, activeUntil(minutes(60)), Optional.empty()));
      ingest.receive(PaymentProvider.STRIPE, request);

      WebhookReceipt again = ingest.receive(PaymentProvider.STRIPE, request);

      assertThat(again).isEqualTo(WebhookReceipt.DUPLICATE);
      assertThat(jobs.enqueued()).hasSize(1);
      assertThat(webhookEvents.size()).isEqualTo(1);
      assertThat(events.lines()).endsWith("received stripe evt_1 DUPLICATE");
    }

    @Test
    void aWebhookThatDoesNotVerifyIsRejectedAndNothingIsStored() {
      assertThatThrownBy(
              () -> ingest.receive(PaymentProvider.STRIPE, stripe.forgedWebhook("evt_forged")))
          .isInstanceOf(InvalidNotificationException.class)
          .hasMessage("Signature mismatch");

      assertThat(webhookEvents.size()).isZero();
      assertThat(jobs.enqueued()).isEmpty();
      assertThat(unitOfWork.transactions()).isZero();
      assertThat(events.lines()).containsExactly("rejected stripe: Signature mismatch");
    }

    @Test
    void concurrentWebhooksAreEachStoredOnceWithOneJobAndEachCallerGetsItsOwnReceipt()
        throws Exception {
      int threads = 16;
      int each = 40;
      List<List<WebhookRequest>> requests = new ArrayList<>();
      WebhookRequest shared =
          stripe.webhookAbout(
              stripeEvent("evt_shared", T0, activeUntil(minutes(60)), Optional.empty()));
      for (int t = 0; t < threads; t++) {
        List<WebhookRequest> mine = new ArrayList<>();
        for (int i = 0; i < each; i++) {
          mine.add(
              stripe.webhookAbout(
                  stripeEvent(
                      "evt_" + t + "_" + i, T0, activeUntil(minutes(60)), Optional.empty())));
          if (i == each / 2) {
            mine.add(shared);
          }
        }
        requests.add(mine);
      }
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<WebhookReceipt>>> answers = new ArrayList<>();
      try {
        for (List<WebhookRequest> mine : requests) {
          answers.add(
              pool.submit(
                  () -> {
                    start.await();
                    List<WebhookReceipt> receipts = new ArrayList<>();
                    for (WebhookRequest request : mine) {
                      receipts.add(ingest.receive(PaymentProvider.STRIPE, request));
                    }
                    return receipts;
                  }));
        }
        start.countDown();
        List<WebhookReceipt> receipts = new ArrayList<>();
        for (Future<List<WebhookReceipt>> answer : answers) {
          receipts.addAll(answer.get(30, TimeUnit.SECONDS));
        }

        int distinct = threads * each + 1;
        assertThat(receipts).hasSize(threads * (each + 1));
        assertThat(receipts).filteredOn(WebhookReceipt.ACCEPTED::equals).hasSize(distinct);
        assertThat(receipts).filteredOn(WebhookReceipt.DUPLICATE::equals).hasSize(threads - 1);
        assertThat(webhookEvents.size()).isEqualTo(distinct);
        assertThat(jobs.enqueued())
            .hasSize(distinct)
            .extracting(job -> job.payload().require("event_id"))
            .doesNotHaveDuplicates();
        assertThat(events.lines()).hasSize(threads * (each + 1));
        assertThat(events.lines())
            .filteredOn(line -> line.startsWith("received stripe evt_shared"))
            .containsOnlyOnce("received stripe evt_shared ACCEPTED");
        assertThat(unitOfWork.transactions()).isLessThanOrEqualTo(threads * (each + 1));
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    void aWebhookThatCannotBeStoredForADatabaseOutageFailsAsUnavailableAndReportsNothing() {
      DependencyUnavailableException down =
          new DependencyUnavailableException("database", new IllegalStateException("refused"));
      ReceiveWebhookService cutOff =
          new ReceiveWebhookService(
              new PaymentProviders(providers),
              new OneByOneWebhookInbox(new UnreachableWebhookEvents(down), unitOfWork, clock),
              events,
              unitOfWork);
      WebhookRequest request =
          stripe.webhookAbout(stripeEvent("evt_1", T0, activeUntil(minutes(60)), Optional.empty()));

      assertThatThrownBy(() -> cutOff.receive(PaymentProvider.STRIPE, request)).isSameAs(down);

      assertThat(jobs.enqueued()).isEmpty();
      assertThat(events.lines()).isEmpty();
    }

    @Test
    void aProviderWithNoConfiguredPortIsRejected() {
      ReceiveWebhookService stripeOnly =
          new ReceiveWebhookService(
              new PaymentProviders(List.of(stripe)),
              new OneByOneWebhookInbox(webhookEvents, unitOfWork, clock),
              events,
              unitOfWork);

      assertThatThrownBy(
              () -> stripeOnly.receive(PaymentProvider.GOOGLE, stripe.forgedWebhook("evt_1")))
          .isInstanceOf(InvalidNotificationException.class);
      assertThat(webhookEvents.size()).isZero();
    }
  }

  @Nested
  class ProcessingWebhooks {

    @Test
    void appliesTheEventBindsTheAccountAndEvictsTheCacheOnlyAfterCommit() {
      cacheSomethingFor(ada);
      ProviderEvent event = stripeEvent("evt_1", T0, activeUntil(minutes(60)), Optional.of(ada));
      ingest.receive(PaymentProvider.STRIPE, stripe.webhookAbout(event));

      unitOfWork.atomically(
          () -> {
            processor.handle(jobs.enqueued().getFirst().payload());
            assertThat(cache.entry(ada.id())).as("evicted before the commit").isPresent();
            return null;
          });

      assertThat(cache.entry(ada.id())).isEmpty();
      Subscription subscription = theOnly();
      assertThat(subscription.status()).isEqualTo(ACTIVE);
      assertThat(subscription.owner()).contains(ada.id());
      assertThat(subscription.planId()).contains(premium.id());
      assertThat(stored("evt_1").processedAt()).contains(T0);
      assertThat(stored("evt_1").lastError()).isEmpty();
      assertThat(events.lines())
          .containsExactly(
              "received stripe evt_1 ACCEPTED",
              "status stripe #1 incomplete -> active",
              "processed stripe evt_1 APPLIED");
    }

    @Test
    void aStaleEventIsRecordedButChangesNothing() {
      deliver(stripeEvent("evt_2", minutes(2), activeUntil(minutes(60)), Optional.of(ada)));
      Subscription.State before = theOnly().state();

      deliver(
          stripeEvent(
              "evt_1",
              minutes(1),
              Observation.of(TRIALING).withProduct(MONTHLY_PRICE),
              Optional.empty()));

      assertThat(theOnly().state()).isEqualTo(before);
      assertThat(stored("evt_1").isProcessed()).isTrue();
      assertThat(events.lines()).endsWith("processed stripe evt_1 STALE");
    }

    @Test
    void aWebhookProcessedBeforeIsSkipped() {
      deliver(stripeEvent("evt_1", T0, activeUntil(minutes(60)), Optional.of(ada)));
      List<String> reported = events.lines();
      JobPayload payload = jobs.enqueued().getFirst().payload();

      processor.handle(payload);

      assertThat(stripe.interpretationsAsked()).isEqualTo(1);
      assertThat(events.lines()).isEqualTo(reported);
    }

    @Test
    void aProviderOutageFailsTheJobSoItIsRetried() {
      ingest.receive(
          PaymentProvider.STRIPE,
          stripe.webhook(
              "evt_1",
              T0,
              () -> {
                throw new ProviderUnavailableException("Play Developer API: 503");
              }));

      assertThatThrownBy(SubscriptionServicesTest.this::runEnqueuedJobs)
          .isInstanceOf(ProviderUnavailableException.class);
      assertThat(stored("evt_1").isProcessed()).isFalse();
      assertThat(subscriptions.all()).isEmpty();
    }

    @Test
    void aWebhookThatCannotBeInterpretedIsMarkedWithTheReasonAndNotRetried() {
      ingest.receive(
          PaymentProvider.STRIPE,
          stripe.webhook(
              "evt_1",
              T0,
              () -> {
                throw new InvalidNotificationException("No subscription in the payload");
              }));

      runEnqueuedJobs();

      assertThat(stored("evt_1").processedAt()).contains(T0);
      assertThat(stored("evt_1").lastError()).contains("No subscription in the payload");
      assertThat(events.lines()).endsWith("rejected stripe: No subscription in the payload");
      assertThat(subscriptions.all()).isEmpty();
    }

    @Test
    void aNotificationWithNoEventIsOnlyAcknowledged() {
      ingest.receive(PaymentProvider.STRIPE, stripe.webhook("evt_test", T0, Optional::empty));

      runEnqueuedJobs();

      assertThat(stored("evt_test").isProcessed()).isTrue();
      assertThat(subscriptions.all()).isEmpty();
      assertThat(events.lines()).endsWith("processed stripe evt_test NO_OBSERVATION");
    }

    @Test
    void aJobForAWebhookThatIsNotStoredFailsPermanently() {
      JobPayload payload = JobPayload.of(1, Map.of("provider", "stripe", "event_id", "evt_gone"));
      JobPayload unknownProvider =
          JobPayload.of(1, Map.of("provider", "paypal", "event_id", "evt_1"));

      assertThatThrownBy(() -> processor.handle(payload)).isInstanceOf(PermanentJobFailure.class);
      assertThatThrownBy(() -> processor.handle(unknownProvider))
          .isInstanceOf(PermanentJobFailure.class);
    }

    @Test
    void anEventNamingAnotherAccountKeepsTheFirstOwnerAndSaysSo() {
      deliver(stripeEvent("evt_1", T0, activeUntil(minutes(60)), Optional.of(ada)));

      deliver(stripeEvent("evt_2", minutes(1), activeUntil(minutes(90)), Optional.of(bob)));

      assertThat(theOnly().owner()).contains(ada.id());
      assertThat(theOnly().state().renewsAt()).contains(minutes(90));
      assertThat(stored("evt_2").lastError())
          .hasValueSatisfying(error -> assertThat(error).contains("another account"));
    }

    @Test
    void anAccountTokenOfNoKnownUserLeavesTheSubscriptionUnowned() {
      User stranger = UserTestData.aUser().withId(99).build();

      deliver(stripeEvent("evt_1", T0, activeUntil(minutes(60)), Optional.of(stranger)));

      assertThat(theOnly().owner()).isEmpty();
      assertThat(theOnly().status()).isEqualTo(ACTIVE);
    }
  }

  @Nested
  class VerifyingPurchases {

    private static final String SIGNED = "signed.transaction.jws";
    private final ClientPurchase purchase = new ClientPurchase.AppleTransaction(SIGNED);

    @Test
    void bindsThePurchaseToTheCallerAndShowsIt() {
      apple.purchase(SIGNED, () -> appleEvent("tx_1", T0, Optional.of(ada)));
      cacheSomethingFor(ada);

      SubscriptionView view = purchases.verify(ada.id(), purchase, IP);

      assertThat(view.active()).isTrue();
      assertThat(view.plan()).isEqualTo(premium);
      assertThat(view.subscription())
          .hasValueSatisfying(
              shown -> {
                assertThat(shown.id()).isEqualTo(theOnly().id());
                assertThat(shown.owner()).contains(ada.id());
                assertThat(shown.status()).isEqualTo(ACTIVE);
                assertThat(shown.provider()).isEqualTo(APPLE_SUB.provider());
              });
      assertThat(unitOfWork.transactions()).isEqualTo(1);
      assertThat(cache.entry(ada.id())).isEmpty();
    }

    @Test
    void aPurchaseWithoutAnAccountTokenIsBoundToTheCaller() {
      apple.purchase(SIGNED, () -> appleEvent("tx_1", T0, Optional.empty()));

      purchases.verify(ada.id(), purchase, IP);

      assertThat(theOnly().owner()).contains(ada.id());
    }

    @Test
    void refusesAPurchaseWhoseTokenNamesAnotherAccount() {
      apple.purchase(SIGNED, () -> appleEvent("tx_1", T0, Optional.of(bob)));

      assertThatThrownBy(() -> purchases.verify(ada.id(), purchase, IP))
          .isInstanceOf(ConflictException.class)
          .hasMessage("The purchase belongs to another account");
      assertThat(subscriptions.all()).isEmpty();
    }

    @Test
    void refusesAPurchaseAnotherAccountOwnsAlready() {
      apple.purchase(SIGNED, () -> appleEvent("tx_1", T0, Optional.empty()));
      purchases.verify(bob.id(), purchase, IP);

      assertThatThrownBy(() -> purchases.verify(ada.id(), purchase, IP))
          .isInstanceOf(ConflictException.class);
      assertThat(theOnly().owner()).contains(bob.id());
    }

    @Test
    void aPurchaseThatDoesNotVerifyChangesNothing() {
      assertThatThrownBy(
              () -> purchases.verify(ada.id(), new ClientPurchase.AppleTransaction("forged"), IP))
          .isInstanceOf(InvalidNotificationException.class);
      assertThat(unitOfWork.transactions()).isZero();
    }

    @Test
    void reportsAreLimitedPerAccountAndPerAddressBeforeTheProviderIsAsked() {
      apple.purchase(SIGNED, () -> appleEvent("tx_1", T0, Optional.of(ada)));
      for (int i = 0; i < VerifyPurchaseService.PER_ACCOUNT; i++) {
        purchases.verify(ada.id(), purchase, "198.51.100." + i);
      }

      assertThatThrownBy(() -> purchases.verify(ada.id(), purchase, "198.51.100.99"))
          .isInstanceOfSatisfying(
              RateLimitedException.class,
              e -> assertThat(e.retryAfter()).isEqualTo(CountingRateLimiter.RETRY_AFTER));
      for (int i = 0; i < VerifyPurchaseService.PER_ADDRESS; i++) {
        limiter.hit("verify:ip:203.0.113.7", Integer.MAX_VALUE, Duration.ofMinutes(1));
      }
      assertThatThrownBy(() -> purchases.verify(bob.id(), purchase, "203.0.113.7"))
          .as("the per-address limit, for any account")
          .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void theWebhookAndTheAppsReportOfOnePurchaseMakeOneSubscription() {
      ProviderEvent webhookEvent = appleEvent("notif_1", T0, Optional.of(ada));
      apple.purchase(SIGNED, () -> appleEvent("tx_1", minutes(1), Optional.of(ada)));
      ingest.receive(PaymentProvider.APPLE, apple.webhookAbout(webhookEvent));
      runEnqueuedJobs();

      SubscriptionView view = purchases.verify(ada.id(), purchase, IP);

      assertThat(theOnly().id()).isEqualTo(view.subscription().orElseThrow().id());
      assertThat(theOnly().owner()).contains(ada.id());
      assertThat(theOnly().state().lastEventId()).contains("tx_1");
    }
  }

  @Nested
  class Entitlements {

    private void subscribe(User user, Observation observation) {
      deliver(stripeEvent("evt_" + user.id().value(), T0, observation, Optional.of(user)));
    }

    @Test
    void aMissIsComputedFromTheDatabaseAndCachedForFifteenMinutes() {
      subscribe(ada, activeUntil(minutes(60 * 24)));

      Entitlement entitlement = queries.entitlements(ada.id());

      assertThat(entitlement).isEqualTo(premiumUntil(minutes(60 * 24)));
      assertThat(cache.entry(ada.id()))
          .contains(new InMemoryEntitlementCache.Entry(entitlement, Duration.ofMinutes(15)));
    }

    @Test
    void aHitIsServedWithoutTheDatabase() {
      cacheSomethingFor(ada);
      int reads = unitOfWork.readOnlyTransactions();

      assertThat(queries.entitlements(ada.id())).isEqualTo(Entitlement.free(free));
      assertThat(unitOfWork.readOnlyTransactions()).isEqualTo(reads);
    }

    @Test
    void anEntitlementEndingSoonIsCachedOnlyUntilItEnds() {
      subscribe(
          ada,
          Observation.of(CANCELED)
              .withProduct(MONTHLY_PRICE)
              .withEnd(minutes(2))
              .withCancellation(T0));

      assertThat(queries.entitlements(ada.id())).isEqualTo(premiumUntil(minutes(2)));
      assertThat(cache.entry(ada.id()).orElseThrow().ttl()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void anActiveSubscriptionPastItsRenewalIsCachedNoLongerThanUntilItLapses() {
      Instant renewal = minutes(2).minus(lapse.grace());
      subscribe(ada, activeUntil(renewal));

      assertThat(queries.entitlements(ada.id())).isEqualTo(premiumUntil(minutes(2)));
      assertThat(cache.entry(ada.id()).orElseThrow().ttl()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void anActiveSubscriptionPastItsRenewalAndTheLapseGraceIsFreeEvenBeforeTheExpiryJobRuns() {
      subscribe(ada, activeUntil(minutes(-1).minus(lapse.grace())));

      assertThat(queries.entitlements(ada.id())).isEqualTo(Entitlement.free(free));
      assertThat(cache.entry(ada.id())).map(entry -> entry.entitlement().premium()).contains(false);
      SubscriptionView current = queries.currentSubscription(ada.id());
      assertThat(current.active()).isFalse();
      assertThat(current.subscription().orElseThrow().status()).isEqualTo(ACTIVE);
      assertThat(premiumCount.premiumSubscriptions()).containsEntry(Environment.PRODUCTION, 0L);
    }

    @Test
    void withRedisDownTheDatabaseDecidesEveryTime() {
      cacheSomethingFor(ada);
      subscribe(ada, activeUntil(minutes(60)));
      cache.goDown();

      assertThat(queries.entitlements(ada.id())).isEqualTo(premiumUntil(minutes(60)));
      assertThat(queries.entitlements(ada.id())).isEqualTo(premiumUntil(minutes(60)));
      assertThat(unitOfWork.readOnlyTransactions()).isEqualTo(2);
    }

    @Test
    void aUserWithoutSubscriptionsGetsTheFreePlan() {
      assertThat(queries.entitlements(bob.id())).isEqualTo(Entitlement.free(free));
      assertThat(queries.currentSubscription(bob.id()))
          .isEqualTo(new SubscriptionView(Optional.empty(), free, false));
    }

    @Test
    void theBestOfSeveralSubscriptionsCounts() {
      deliver(stripeEvent("evt_1", T0, activeUntil(minutes(60)), Optional.of(ada)));
      clock.advance(Duration.ofMinutes(1));
      deliverApple(
          appleEvent(
              "notif_1", T0, Optional.of(ada), Observation.of(EXPIRED).withProduct(MONTHLY_APPLE)));

      assertThat(queries.entitlements(ada.id())).isEqualTo(premiumUntil(minutes(60)));
      SubscriptionView current = queries.currentSubscription(ada.id());
      assertThat(current.active()).isTrue();
      assertThat(current.subscription().orElseThrow().provider()).isEqualTo(STRIPE_SUB.provider());
    }

    @Test
    void countsPremiumSubscriptions() {
      subscribe(ada, activeUntil(minutes(60)));
      deliverApple(
          appleEvent(
              "notif_1", T0, Optional.of(bob), Observation.of(EXPIRED).withProduct(MONTHLY_APPLE)));

      assertThat(premiumCount.premiumSubscriptions())
          .isEqualTo(Map.of(Environment.PRODUCTION, 1L, Environment.SANDBOX, 0L));
    }
  }

  @Nested
  class Expiry {

    private Subscription given(String id, User owner, Observation observation) {
      ProviderSubscriptionRef ref = new ProviderSubscriptionRef(PaymentProvider.STRIPE, id);
      Subscription subscription = subscriptions.lockOrStart(ref, T0);
      subscription.apply(
          new ProviderEvent(
              ref, "evt_" + id, "test", T0, Optional.empty(), Optional.of(observation)),
          Optional.of(premium.id()),
          Optional.of(owner.id()),
          T0);
      subscriptions.save(subscription);
      return subscription;
    }

    private Subscription reloaded(Subscription subscription) {
      return subscriptions.lock(subscription.id()).orElseThrow();
    }

    @Test
    void expiresWhatRanOutAndLeavesTheRest() {
      Subscription canceled = given("canceled", ada, Observation.of(CANCELED).withEnd(minutes(5)));
      Subscription pastDue =
          given("past-due", ada, Observation.of(PAST_DUE).withGraceEnd(minutes(5)));
      Subscription trial = given("trial", bob, Observation.of(TRIALING).withTrialEnd(minutes(5)));
      Subscription active = given("active", bob, Observation.of(ACTIVE).withRenewal(minutes(5)));
      Subscription later = given("later", bob, Observation.of(CANCELED).withEnd(minutes(6)));
      cacheSomethingFor(ada);
      cacheSomethingFor(bob);
      clock.advance(Duration.ofMinutes(5));

      unitOfWork.atomically(
          () -> {
            expiry.handle(JobPayload.empty());
            assertThat(cache.entry(ada.id())).as("evicted before the commit").isPresent();
            return null;
          });

      assertThat(reloaded(canceled).status()).isEqualTo(EXPIRED);
      assertThat(reloaded(pastDue).status()).isEqualTo(EXPIRED);
      assertThat(reloaded(trial).status()).isEqualTo(EXPIRED);
      assertThat(reloaded(active).status()).isEqualTo(ACTIVE);
      assertThat(reloaded(later).status()).isEqualTo(CANCELED);
      assertThat(cache.entry(ada.id())).isEmpty();
      assertThat(cache.entry(bob.id())).isEmpty();
      assertThat(events.lines())
          .containsExactly(
              "status stripe #1 canceled -> expired",
              "status stripe #2 past_due -> expired",
              "status stripe #3 trialing -> expired");
    }

    @Test
    void anActiveSubscriptionWhoseRenewalNeverCameLapsesAfterTheGraceAndALateRenewalRestoresIt() {
      Instant renewal = minutes(60);
      deliver(stripeEvent("evt_paid", T0, activeUntil(renewal), Optional.of(ada)));
      clock.set(renewal.plus(lapse.grace()).minusSeconds(1));
      unitOfWork.atomically(
          () -> {
            expiry.handle(JobPayload.empty());
            return null;
          });
      assertThat(queries.entitlements(ada.id()))
          .isEqualTo(premiumUntil(clock.instant().plusSeconds(1)));
      events.clear();

      clock.advance(Duration.ofSeconds(1));
      unitOfWork.atomically(
          () -> {
            expiry.handle(JobPayload.empty());
            assertThat(cache.entry(ada.id())).as("evicted only after the commit").isPresent();
            return null;
          });

      assertThat(cache.entry(ada.id())).isEmpty();
      assertThat(queries.entitlements(ada.id())).isEqualTo(Entitlement.free(free));
      SubscriptionView lapsed = queries.currentSubscription(ada.id());
      assertThat(lapsed.active()).isFalse();
      assertThat(lapsed.subscription().orElseThrow().status()).isEqualTo(EXPIRED);
      assertThat(lapsed.subscription().orElseThrow().endsAt()).contains(clock.instant());
      assertThat(events.lines())
          .containsExactly("status stripe #1 active -> expired", "lapsed stripe #1");

      Instant next = renewal.plus(Duration.ofDays(30));
      deliver(stripeEvent("evt_late_renewal", renewal, activeUntil(next), Optional.of(ada)));

      assertThat(queries.entitlements(ada.id())).isEqualTo(premiumUntil(next));
      SubscriptionView restored = queries.currentSubscription(ada.id());
      assertThat(restored.active()).isTrue();
      assertThat(restored.subscription().orElseThrow().status()).isEqualTo(ACTIVE);
    }

    @Test
    void runningAgainFindsNothingToDo() {
      given("canceled", ada, Observation.of(CANCELED).withEnd(minutes(5)));
      clock.advance(Duration.ofMinutes(5));
      expiry.handle(JobPayload.empty());
      int evictions = cache.evictions();

      expiry.handle(JobPayload.empty());

      assertThat(events.lines()).hasSize(1);
      assertThat(cache.evictions()).isEqualTo(evictions);
    }

    @Test
    void
        isScheduledEveryMinuteTheRechecksAndRemindersHourlyTheReconcilerEveryFiveAndThePruneNightly() {
      assertThat(SubscriptionSchedule.scheduledTasks())
          .extracting(task -> task.jobType().value(), ScheduledTask::schedule)
          .containsExactly(
              tuple("subscriptions.expire", Schedule.every(Duration.ofMinutes(1))),
              tuple("subscriptions.recheck-overdue", Schedule.hourlyAt(23)),
              tuple("subscriptions.remind-ending", Schedule.hourlyAt(41)),
              tuple("subscriptions.reconcile-webhooks", Schedule.every(Duration.ofMinutes(5))),
              tuple("subscriptions.prune-webhook-events", Schedule.dailyAt(LocalTime.of(4, 37))));
    }
  }

  @Nested
  class Rechecks {

    private final Instant renewal = minutes(60);

    private Subscription appleSubscriber() {
      deliverApple(
          appleEvent(
              "notif_bought",
              T0,
              Optional.of(ada),
              Observation.of(ACTIVE).withProduct(MONTHLY_APPLE).withRenewal(renewal)));
      return subscriptions.all().getFirst();
    }

    private ProviderEvent answer(String id, Observation observation) {
      return appleEvent(
          id, clock.instant(), Optional.of(ada), observation.withProduct(MONTHLY_APPLE));
    }

    /** The hourly run, then the re-check jobs it enqueued. */
    private void runTheHourlyRecheck() {
      unitOfWork.atomically(
          () -> {
            overdue.handle(JobPayload.empty());
            return null;
          });
      runEnqueuedJobs();
    }

    @Test
    void anOverdueRenewalIsAskedAboutAndTheAnswerAppliedLikeAWebhooksEvent() {
      Subscription subscription = appleSubscriber();
      Instant next = renewal.plus(Duration.ofDays(30));
      appleApi.answer(
          APPLE_SUB, () -> answer("recheck-1", Observation.of(ACTIVE).withRenewal(next)));
      clock.set(renewal.minusSeconds(1));
      runTheHourlyRecheck();
      assertThat(appleApi.asked()).as("not overdue yet").isZero();
      cacheSomethingFor(ada);
      events.clear();

      clock.set(renewal.plus(Duration.ofMinutes(30)));
      runTheHourlyRecheck();

      assertThat(appleApi.asked()).isEqualTo(1);
      assertThat(subscriptions.lock(subscription.id()).orElseThrow().state().renewsAt())
          .contains(next);
      assertThat(cache.entry(ada.id())).isEmpty();
      assertThat(queries.entitlements(ada.id())).isEqualTo(premiumUntil(next));
      assertThat(events.lines()).containsExactly("rechecked apple #1 APPLIED");
      clock.advance(Duration.ofHours(1));
      runTheHourlyRecheck();
      assertThat(appleApi.asked()).as("renewed: not overdue any more").isEqualTo(1);
    }

    @Test
    void anExpiryTheProviderReportsEndsAccessAtOnce() {
      appleSubscriber();
      appleApi.answer(
          APPLE_SUB, () -> answer("recheck-1", Observation.of(EXPIRED).withEnd(renewal)));
      clock.set(renewal.plus(Duration.ofMinutes(30)));

      runTheHourlyRecheck();

      assertThat(queries.entitlements(ada.id())).isEqualTo(Entitlement.free(free));
      assertThat(events.lines())
          .contains("status apple #1 active -> expired", "rechecked apple #1 APPLIED");
    }

    @Test
    void aProviderThatCannotAnswerIsReportedAndAskedAgainAnHourLaterWhileAccessGoesOn() {
      appleSubscriber();
      appleApi.answer(
          APPLE_SUB,
          () -> {
            throw new ProviderUnavailableException("The App Store Server API answered HTTP 503");
          });
      clock.set(renewal.plus(Duration.ofMinutes(30)));
      events.clear();

      runTheHourlyRecheck();
      clock.advance(Duration.ofMinutes(30));
      runTheHourlyRecheck();

      assertThat(appleApi.asked()).as("asked at most once in 50 minutes").isEqualTo(1);
      assertThat(events.lines())
          .containsExactly("recheck failed apple #1: The App Store Server API answered HTTP 503");
      assertThat(queries.entitlements(ada.id()).premium()).isTrue();
      clock.advance(Duration.ofMinutes(30));
      runTheHourlyRecheck();
      assertThat(appleApi.asked()).isEqualTo(2);
    }

    @Test
    void aSubscriptionRenewedAfterItWasPickedIsNotAskedAbout() {
      appleSubscriber();
      clock.set(renewal.plus(Duration.ofMinutes(30)));
      unitOfWork.atomically(
          () -> {
            overdue.handle(JobPayload.empty());
            return null;
          });
      assertThat(jobs.enqueued())
          .extracting(job -> job.type())
          .contains(RecheckSubscriptionHandler.TYPE);

      ProviderEvent renewed =
          appleEvent(
              "notif_renewed",
              renewal,
              Optional.of(ada),
              Observation.of(ACTIVE)
                  .withProduct(MONTHLY_APPLE)
                  .withRenewal(renewal.plus(Duration.ofDays(30))));
      ingest.receive(PaymentProvider.APPLE, apple.webhookAbout(renewed));
      RecordingJobQueue.Enqueued webhookJob = jobs.enqueued().getLast();
      unitOfWork.atomically(
          () -> {
            processor.handle(webhookJob.payload());
            return null;
          });

      runEnqueuedJobs();

      assertThat(appleApi.asked()).isZero();
    }

    @Test
    void providersWithoutAConfiguredApiAreNeverPickedNorAsked() {
      deliver(stripeEvent("evt_paid", T0, activeUntil(renewal), Optional.of(ada)));
      clock.set(renewal.plus(Duration.ofMinutes(30)));
      int enqueued = jobs.enqueued().size();

      runTheHourlyRecheck();
      unitOfWork.atomically(
          () -> {
            new RecheckOverdueRenewalsHandler(List.of(), subscriptions, jobs, clock)
                .handle(JobPayload.empty());
            return null;
          });

      assertThat(jobs.enqueued()).hasSize(enqueued);
      assertThat(queries.entitlements(ada.id()).premium()).as("the lapse grace runs").isTrue();
    }
  }

  @Nested
  class Pruning {

    private void receivedAt(Instant at, String eventId, boolean processed) {
      webhookEvents.add(
          List.of(new VerifiedNotification(PaymentProvider.STRIPE, eventId, "test", at, "{}")),
          at,
          ProcessWebhookEventHandler::jobFor);
      if (processed) {
        webhookEvents.markProcessed(PaymentProvider.STRIPE, eventId, at, Optional.empty());
      }
    }

    @Test
    void deletesProcessedWebhooksOlderThanNinetyDaysInBatches() {
      Instant old = T0.minus(Duration.ofDays(91));
      for (int i = 0; i < 2500; i++) {
        receivedAt(old, "evt_old_" + i, true);
      }
      receivedAt(old, "evt_unprocessed", false);
      receivedAt(T0.minus(Duration.ofDays(89)), "evt_recent", true);

      prune.handle(JobPayload.empty());

      assertThat(webhookEvents.size()).isEqualTo(2);
      assertThat(webhookEvents.find(PaymentProvider.STRIPE, "evt_unprocessed")).isPresent();
      assertThat(webhookEvents.find(PaymentProvider.STRIPE, "evt_recent")).isPresent();
    }
  }

  /** An inbox whose database cannot be reached. */
  private static final class UnreachableWebhookEvents implements WebhookEventRepository {
    private final DependencyUnavailableException down;

    UnreachableWebhookEvents(DependencyUnavailableException down) {
      this.down = down;
    }

    @Override
    public Set<WebhookEventKey> add(
        List<VerifiedNotification> notifications,
        Instant receivedAt,
        Function<VerifiedNotification, NewJob> processingJob) {
      throw down;
    }

    @Override
    public Optional<StoredWebhookEvent> find(PaymentProvider provider, String eventId) {
      throw down;
    }

    @Override
    public void markProcessed(
        PaymentProvider provider, String eventId, Instant at, Optional<String> error) {
      throw down;
    }

    @Override
    public int deleteProcessedBefore(Instant cutoff, int limit) {
      throw down;
    }

    @Override
    public List<app.huberman.application.subscription.port.out.StalledWebhookEvent> lockStalled(
        Instant receivedBefore, Instant now, int limit) {
      throw down;
    }

    @Override
    public void recordReconciliation(WebhookEventKey key, Instant nextAt) {
      throw down;
    }

    @Override
    public List<app.huberman.application.subscription.port.out.UnprocessedWebhookEvents>
        unprocessedByProvider() {
      throw down;
    }
  }
}
