package app.huberman.application.subscription;

import static app.huberman.domain.subscription.SubscriptionStatus.ACTIVE;
import static app.huberman.domain.subscription.SubscriptionStatus.CANCELED;
import static app.huberman.domain.subscription.SubscriptionStatus.EXPIRED;
import static app.huberman.domain.subscription.SubscriptionStatus.PAST_DUE;
import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.shared.MutableClock;
import app.huberman.application.subscription.RecordingJobQueue.Enqueued;
import app.huberman.application.subscription.service.ManageLinks;
import app.huberman.application.subscription.service.NoticeRecorder;
import app.huberman.application.subscription.service.RemindEndingSubscriptionsHandler;
import app.huberman.application.subscription.service.SendNoticeHandler;
import app.huberman.application.user.UserTestData;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.subscription.NoticeChannel;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.NoticePreferences;
import app.huberman.domain.subscription.Observation;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.StatusChange;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Notices from status changes to the emails they become, through the recorder and the job. */
class NoticesTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static final Instant PERIOD_END = T0.plus(Duration.ofDays(30));

  private final RecordingSubscriptionEvents events = new RecordingSubscriptionEvents();
  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();
  private final User ada = UserTestData.aUser().withId(1).withEmail("ada@example.com").build();
  private final InMemoryAccountDirectory accounts = new InMemoryAccountDirectory().add(ada);
  private final InMemorySubscriptionNotices notices = new InMemorySubscriptionNotices();
  private final InMemoryNoticePreferences preferences = new InMemoryNoticePreferences();
  private final InMemorySubscriptionRepository subscriptions =
      new InMemorySubscriptionRepository(new InMemoryPlanRepository());
  private final RecordingJobQueue jobs = new RecordingJobQueue();
  private final RecordingNoticeMailer mailer = new RecordingNoticeMailer(unitOfWork::inTransaction);
  private final NoticeRecorder recorder =
      new NoticeRecorder(notices, jobs, new InMemoryPushDevices(), new FakePushSender());
  private final InMemoryPlanRepository plans = new InMemoryPlanRepository();
  private final FakeStripeBilling stripe = new FakeStripeBilling();
  private final ManageLinks links = new ManageLinks(stripe, Optional.of("app.huberman.android"));
  private final SendNoticeHandler sender = senderWith(accounts);

  private final ProviderEvents providerEvents = new ProviderEvents(subscriptions, T0);

  @Test
  void aFailedRenewalIsEmailedOnceHoweverOftenItIsReported() {
    Subscription subscription = owned(ACTIVE, Observation.of(ACTIVE).withRenewal(PERIOD_END));

    change(
        subscription, Observation.of(PAST_DUE).withGraceEnd(PERIOD_END.plus(Duration.ofDays(7))));
    change(subscription, Observation.of(ACTIVE).withRenewal(PERIOD_END));
    change(
        subscription, Observation.of(PAST_DUE).withGraceEnd(PERIOD_END.plus(Duration.ofDays(7))));
    runJobs();

    assertThat(mailer.sent)
        .containsExactly(
            "ada@example.com payment_problem stripe", "ada@example.com payment_recovered stripe");
    assertThat(unitOfWork.readOnlyTransactions()).as("one read per delivery").isEqualTo(2);
  }

  @Test
  void aRecoveryIsOnlyToldToAUserToldOfTheProblem() {
    Subscription subscription = owned(PAST_DUE, Observation.of(PAST_DUE).withGraceEnd(PERIOD_END));

    change(subscription, Observation.of(ACTIVE).withRenewal(PERIOD_END));
    runJobs();

    assertThat(mailer.sent).isEmpty();
  }

  @Test
  void theEndOfPremiumIsTold() {
    Subscription subscription = owned(CANCELED, Observation.of(CANCELED).withEnd(PERIOD_END));

    change(subscription, Observation.of(EXPIRED).withEnd(PERIOD_END));
    runJobs();

    assertThat(mailer.sent).containsExactly("ada@example.com premium_ended stripe");
  }

  @Test
  void aCanceledSubscriptionIsRemindedThreeDaysAndOneDayBeforeItsEndOnlyOnce() {
    Instant end = T0.plus(Duration.ofDays(10));
    owned(CANCELED, Observation.of(CANCELED).withEnd(end));
    MutableClock clock = new MutableClock(end.minus(Duration.ofDays(4)));
    RemindEndingSubscriptionsHandler reminders =
        new RemindEndingSubscriptionsHandler(subscriptions, recorder, clock);

    for (Duration before :
        List.of(
            Duration.ofDays(4),
            Duration.ofHours(71),
            Duration.ofHours(70),
            Duration.ofHours(30),
            Duration.ofHours(23),
            Duration.ofHours(1),
            Duration.ZERO,
            Duration.ofHours(-1))) {
      clock.set(end.minus(before));
      reminders.handle(JobPayload.empty());
    }
    runJobs();

    assertThat(notices.all())
        .extracting(notice -> notice.occasion().occasion())
        .containsExactly(end + "/3d", end + "/1d");
    assertThat(mailer.sent)
        .containsExactly(
            "ada@example.com premium_ending stripe", "ada@example.com premium_ending stripe");
  }

  @Test
  void aSubscriptionThatRenewsIsNotReminded() {
    Instant renewal = T0.plus(Duration.ofDays(10));
    owned(ACTIVE, Observation.of(ACTIVE).withRenewal(renewal));
    RemindEndingSubscriptionsHandler reminders =
        new RemindEndingSubscriptionsHandler(
            subscriptions, recorder, new MutableClock(renewal.minus(Duration.ofHours(12))));

    reminders.handle(JobPayload.empty());

    assertThat(notices.all()).isEmpty();
  }

  @Test
  void aSubscriptionWithoutOwnerRecordsNothing() {
    Subscription subscription =
        subscriptions.lockOrStart(new ProviderSubscriptionRef(PaymentProvider.STRIPE, "sub_9"), T0);
    apply(subscription, Observation.of(ACTIVE).withRenewal(PERIOD_END));

    change(subscription, Observation.of(PAST_DUE).withGraceEnd(PERIOD_END));

    assertThat(notices.all()).isEmpty();
    assertThat(jobs.enqueued()).isEmpty();
  }

  @Test
  void preferencesAreReadWhenSending() {
    Subscription subscription = owned(ACTIVE, Observation.of(ACTIVE).withRenewal(PERIOD_END));
    change(subscription, Observation.of(PAST_DUE).withGraceEnd(PERIOD_END));
    preferences.save(
        ada.id(),
        NoticePreferences.DEFAULTS.withKind(
            NoticeKind.PAYMENT_PROBLEM, NoticeChannel.EMAIL, false));

    runJobs();

    assertThat(notices.all()).hasSize(1);
    assertThat(mailer.sent).isEmpty();
    assertThat(events.lines()).containsExactly("notice payment_problem by email to user 1: muted");
  }

  @Test
  void aDeletedAccountGetsNothing() {
    Subscription subscription = owned(ACTIVE, Observation.of(ACTIVE).withRenewal(PERIOD_END));
    change(subscription, Observation.of(PAST_DUE).withGraceEnd(PERIOD_END));
    InMemoryAccountDirectory nobody = new InMemoryAccountDirectory();
    SendNoticeHandler toNobody = senderWith(nobody);

    for (Enqueued job : jobs.enqueued()) {
      toNobody.handle(job.payload());
    }

    assertThat(mailer.sent).isEmpty();
    assertThat(events.lines())
        .containsExactly("notice payment_problem by email to user 1: no_account");
  }

  private Subscription owned(
      app.huberman.domain.subscription.SubscriptionStatus status, Observation observation) {
    Subscription subscription = subscriptions.lockOrStart(ref(), T0);
    subscription.bindTo(ada.id(), T0);
    apply(subscription, observation);
    assertThat(subscription.status()).isEqualTo(status);
    return subscription;
  }

  /** Applies the observation as a newer event, and records what its status change calls for. */
  private void change(Subscription subscription, Observation observation) {
    Subscription.State before = subscription.state();
    Optional<StatusChange> change = apply(subscription, observation);
    change.ifPresent(c -> recorder.afterChange(before, subscription, c, T0));
  }

  private Optional<StatusChange> apply(Subscription subscription, Observation observation) {
    return providerEvents.apply(subscription, observation);
  }

  private SendNoticeHandler senderWith(InMemoryAccountDirectory directory) {
    return new SendNoticeHandler(
        notices,
        subscriptions,
        directory,
        preferences,
        mailer,
        plans,
        links,
        new InMemoryStripeCustomers(),
        events,
        unitOfWork);
  }

  private void runJobs() {
    List<Enqueued> queued = jobs.enqueued();
    assertThat(queued).allSatisfy(job -> assertThat(job.type()).isEqualTo(SendNoticeHandler.TYPE));
    for (Enqueued job : queued) {
      sender.handle(job.payload());
    }
  }

  private static ProviderSubscriptionRef ref() {
    return new ProviderSubscriptionRef(PaymentProvider.STRIPE, "sub_1");
  }
}
