package app.huberman.application.subscription;

import static app.huberman.application.subscription.PlanTestData.aFreePlan;
import static app.huberman.application.subscription.PlanTestData.aPremiumMonthlyPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.job.InMemoryJobQueue;
import app.huberman.application.job.port.in.ManageFailedJobsUseCase;
import app.huberman.application.job.port.out.SchedulerTickPort;
import app.huberman.application.job.service.PruneFailedJobsHandler;
import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.shared.MutableClock;
import app.huberman.application.shared.ProviderUnavailableException;
import app.huberman.application.subscription.port.in.UnprocessedWebhooks;
import app.huberman.application.subscription.service.CountUnprocessedWebhooksService;
import app.huberman.application.subscription.service.PaymentProviders;
import app.huberman.application.subscription.service.ProcessWebhookEventHandler;
import app.huberman.application.subscription.service.ReceiveWebhookService;
import app.huberman.application.subscription.service.ReconcileWebhookEventsHandler;
import app.huberman.application.subscription.service.SandboxPolicy;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.subscription.Observation;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.SubscriptionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 9: a webhook is answered 200 once stored, so when its processing job gives up the
 * provider will not send it again. The reconciler enqueues the processing again, bounded and with a
 * per-event backoff, and the failed job is never pruned meanwhile. With in-memory fakes, a clock
 * the test moves, and jobs the test runs, buries and prunes as a worker and the daily task would.
 */
class WebhookReconciliationTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static final JobType PROCESS = ProcessWebhookEventHandler.TYPE;

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryJobQueue jobs = new InMemoryJobQueue(clock);
  private final InMemoryWebhookEventRepository webhookEvents =
      new InMemoryWebhookEventRepository(jobs, jobs::holds);
  private final InMemoryPlanRepository plans =
      new InMemoryPlanRepository()
          .add(aFreePlan().withId(1).build(), aPremiumMonthlyPlan().withId(2).build());
  private final InMemorySubscriptionRepository subscriptions =
      new InMemorySubscriptionRepository(plans);
  private final RecordingSubscriptionEvents events = new RecordingSubscriptionEvents();
  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();
  private final FakePaymentProvider stripe = new FakePaymentProvider(PaymentProvider.STRIPE);
  private final ReceiveWebhookService ingest =
      new ReceiveWebhookService(
          new PaymentProviders(List.of(stripe)),
          new OneByOneWebhookInbox(webhookEvents, unitOfWork, clock),
          events,
          unitOfWork);
  private final ProcessWebhookEventHandler processor =
      new ProcessWebhookEventHandler(
          new PaymentProviders(List.of(stripe)),
          webhookEvents,
          subscriptions,
          new InMemoryAccountDirectory(),
          SharedCollaborators.over(
                  plans, subscriptions, new InMemoryEntitlementCache(), events, unitOfWork)
              .applier(),
          SandboxPolicy.ANYBODY,
          events,
          unitOfWork,
          clock);
  private final ReconcileWebhookEventsHandler reconciler =
      new ReconcileWebhookEventsHandler(webhookEvents, jobs, jobs, events, unitOfWork, clock);

  /** Whether the provider's API answers; while it does not, processing fails and is retried. */
  private boolean providerDown;

  @Test
  void aWebhookWhoseProcessingGaveUpIsAppliedOnceTheReconcilerEnqueuesItAgain() {
    providerDown = true;
    receive("evt_1");
    runQueuedJobs();
    giveUpEveryProcessingJob();
    assertThat(stored("evt_1").isProcessed()).isFalse();
    assertThat(jobs.list(10)).singleElement().extracting(job -> job.type()).isEqualTo(PROCESS);

    clock.advance(Duration.ofMinutes(14));
    reconcile();
    assertThat(jobs.queued()).as("not stalled for 15 minutes yet").isEmpty();

    clock.advance(Duration.ofMinutes(2));
    reconcile();
    assertThat(jobs.list(10)).as("the failed job itself went back").isEmpty();
    assertThat(jobs.queued()).singleElement().extracting(q -> q.job().type()).isEqualTo(PROCESS);

    providerDown = false;
    runQueuedJobs();

    assertThat(stored("evt_1").isProcessed()).isTrue();
    assertThat(subscriptions.all())
        .singleElement()
        .extracting(subscription -> subscription.status())
        .isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(events.lines())
        .containsSubsequence("reconciled stripe evt_1 #1", "processed stripe evt_1 APPLIED");
  }

  @Test
  void anEventThatKeepsFailingIsReconciledLessAndLessOftenUpToOnceADay() {
    providerDown = true;
    receive("evt_poison");
    runQueuedJobs();
    giveUpEveryProcessingJob();
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));

    List<Duration> gaps = new ArrayList<>();
    Instant last = null;
    for (int minute = 0; minute < 5 * 24 * 60; minute += 5) {
      reconcile();
      if (!jobs.queued().isEmpty()) {
        Instant now = clock.instant();
        if (last != null) {
          gaps.add(Duration.between(last, now));
        }
        last = now;
        runQueuedJobs();
        giveUpEveryProcessingJob();
      }
      clock.advance(Duration.ofMinutes(5));
    }

    assertThat(gaps.subList(0, 6))
        .containsExactly(
            Duration.ofMinutes(30),
            Duration.ofHours(1),
            Duration.ofHours(2),
            Duration.ofHours(4),
            Duration.ofHours(8),
            Duration.ofHours(16));
    assertThat(gaps.subList(6, gaps.size())).isNotEmpty().containsOnly(Duration.ofDays(1));
    assertThat(jobs.list(100)).as("one failed job for the event, not one per try").hasSize(1);
  }

  @Test
  void eachRunTakesAtMostAHundredAndLeavesEventsWhoseJobIsQueued() {
    for (int i = 0; i < 150; i++) {
      receive("evt_" + i);
    }
    giveUpEveryProcessingJob();
    receive("evt_queued");
    clock.advance(Duration.ofMinutes(20));

    reconcile();
    assertThat(jobs.queued()).hasSize(101);
    reconcile();
    assertThat(jobs.queued()).hasSize(151);
    reconcile();

    assertThat(jobs.queued()).hasSize(151);
    assertThat(events.lines().stream().filter(line -> line.startsWith("reconciled"))).hasSize(150);
    assertThat(events.lines()).noneMatch(line -> line.contains("evt_queued #"));
  }

  @Test
  void aReconciliationWhoseTransactionFailsReportsNothing() {
    receive("evt_1");
    giveUpEveryProcessingJob();
    clock.advance(Duration.ofMinutes(20));

    assertThatThrownBy(
            () ->
                unitOfWork.atomically(
                    () -> {
                      reconciler.handle(JobPayload.empty());
                      throw new IllegalStateException("the job's transaction failed");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(events.lines()).noneMatch(line -> line.startsWith("reconciled"));
  }

  @Test
  void theDailyPruneKeepsAFailedProcessingJobWhileItDeletesOtherOldFailedJobs() {
    providerDown = true;
    receive("evt_1");
    runQueuedJobs();
    giveUpEveryProcessingJob();
    jobs.enqueueAll(
        List.of(
            new app.huberman.application.job.port.out.NewJob(
                JobType.of("mail.password-reset"),
                JobPayload.empty(),
                app.huberman.domain.job.JobOptions.defaults())));
    jobs.buryAll(job -> true, "SMTP down");
    clock.advance(ManageFailedJobsUseCase.RETENTION.plusDays(1));

    new PruneFailedJobsHandler(jobs, noTicks(), Set.of(PROCESS)).handle(JobPayload.empty());

    assertThat(jobs.list(10)).singleElement().extracting(job -> job.type()).isEqualTo(PROCESS);
  }

  @Test
  void countsUnprocessedWebhooksPerProviderWithTheAgeOfTheOldest() {
    receive("evt_1");
    clock.advance(Duration.ofMinutes(70));
    receive("evt_2");
    clock.advance(Duration.ofMinutes(5));

    List<UnprocessedWebhooks> unprocessed =
        new CountUnprocessedWebhooksService(webhookEvents, unitOfWork, clock).unprocessedWebhooks();

    assertThat(unprocessed)
        .containsExactly(
            new UnprocessedWebhooks(PaymentProvider.STRIPE, 2, Duration.ofMinutes(75)));
  }

  private void receive(String eventId) {
    ProviderEvent event =
        new ProviderEvent(
            new ProviderSubscriptionRef(PaymentProvider.STRIPE, "sub_" + eventId),
            eventId,
            "customer.subscription.updated",
            clock.instant(),
            Optional.empty(),
            Optional.of(
                Observation.of(SubscriptionStatus.ACTIVE)
                    .withProduct("price_test_monthly")
                    .withRenewal(clock.instant().plus(Duration.ofDays(30)))));
    ingest.receive(
        PaymentProvider.STRIPE,
        stripe.webhook(
            eventId,
            event.occurredAt(),
            () -> {
              if (providerDown) {
                throw new ProviderUnavailableException("Stripe is down");
              }
              return Optional.of(event);
            }));
  }

  /** Runs every queued job once, in its own transaction; one that fails stays queued. */
  private void runQueuedJobs() {
    for (InMemoryJobQueue.Queued queued : jobs.queued()) {
      try {
        unitOfWork.atomically(
            () -> {
              processor.handle(queued.job().payload());
              return null;
            });
        jobs.finish(queued.uuid());
      } catch (ProviderUnavailableException e) {
        // a worker would retry it later, until its last attempt
      }
    }
  }

  /** Every queued processing job used its last attempt: buried, as the worker buries it. */
  private void giveUpEveryProcessingJob() {
    jobs.buryAll(job -> job.type().equals(PROCESS), "ProviderUnavailableException: Stripe is down");
  }

  private void reconcile() {
    unitOfWork.atomically(
        () -> {
          reconciler.handle(JobPayload.empty());
          return null;
        });
  }

  private app.huberman.application.subscription.port.out.StoredWebhookEvent stored(String id) {
    return webhookEvents.find(PaymentProvider.STRIPE, id).orElseThrow();
  }

  private static SchedulerTickPort noTicks() {
    return new SchedulerTickPort() {
      @Override
      public Instant databaseNow() {
        return T0;
      }

      @Override
      public boolean claim(String task, Instant tick, String instanceId) {
        return false;
      }

      @Override
      public int pruneOlderThan(Duration age) {
        return 0;
      }
    };
  }
}
