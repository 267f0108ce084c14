package app.huberman.application.subscription;

import static app.huberman.domain.subscription.SubscriptionStatus.ACTIVE;
import static app.huberman.domain.subscription.SubscriptionStatus.PAST_DUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.subscription.RecordingJobQueue.Enqueued;
import app.huberman.application.subscription.port.out.PushResult;
import app.huberman.application.subscription.port.out.PushTarget;
import app.huberman.application.subscription.service.NoticeRecorder;
import app.huberman.application.subscription.service.PushNoticeHandler;
import app.huberman.application.subscription.service.SendNoticeHandler;
import app.huberman.application.user.UserTestData;
import app.huberman.domain.job.PermanentJobFailure;
import app.huberman.domain.job.RetryLaterJobFailure;
import app.huberman.domain.subscription.NoticeChannel;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.NoticePreferences;
import app.huberman.domain.subscription.Observation;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.StatusChange;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.user.DeviceId;
import app.huberman.domain.user.DevicePlatform;
import app.huberman.domain.user.DeviceToken;
import app.huberman.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Notices pushed device by device: who gets one, and what each answer of a push service does. */
class PushNoticesTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant PERIOD_END = T0.plus(Duration.ofDays(30));
  private static final String PHONE = "a1".repeat(32);
  private static final String TABLET = "fcm-token-of-the-tablet";

  private final RecordingSubscriptionEvents events = new RecordingSubscriptionEvents();
  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();
  private final User ada = UserTestData.aUser().withId(1).withEmail("ada@example.com").build();
  private final InMemoryAccountDirectory accounts = new InMemoryAccountDirectory().add(ada);
  private final InMemorySubscriptionNotices notices = new InMemorySubscriptionNotices();
  private final InMemoryNoticePreferences preferences = new InMemoryNoticePreferences();
  private final InMemorySubscriptionRepository subscriptions =
      new InMemorySubscriptionRepository(new InMemoryPlanRepository());
  private final RecordingJobQueue jobs = new RecordingJobQueue();
  private final InMemoryPushDevices devices =
      new InMemoryPushDevices()
          .add(target(1, DevicePlatform.IOS, PHONE))
          .add(target(2, DevicePlatform.ANDROID, TABLET));
  private FakePushSender push = new FakePushSender();

  private final ProviderEvents providerEvents = new ProviderEvents(subscriptions, T0);

  @Test
  void aPaymentProblemIsPushedOnceToEachRegisteredDevice() {
    Subscription subscription = pastDue();

    runPushJobs();

    assertThat(push.pushed)
        .containsExactlyInAnyOrder(
            "ios " + PHONE + " payment_problem stripe",
            "android " + TABLET + " payment_problem stripe");
    assertThat(jobs.enqueued())
        .extracting(Enqueued::type)
        .containsExactlyInAnyOrder(
            SendNoticeHandler.TYPE, PushNoticeHandler.TYPE, PushNoticeHandler.TYPE);
    assertThat(subscription.status()).isEqualTo(PAST_DUE);
    assertThat(events.lines())
        .contains(
            "notice payment_problem by push to user 1: sent",
            "push to device 1: apns ACCEPTED",
            "push to device 2: fcm ACCEPTED");
  }

  @Test
  void aPlatformWithoutAConfiguredServiceGetsNoJob() {
    push = new FakePushSender(EnumSet.of(DevicePlatform.ANDROID));

    pastDue();

    assertThat(jobs.enqueued())
        .extracting(Enqueued::type)
        .containsExactlyInAnyOrder(SendNoticeHandler.TYPE, PushNoticeHandler.TYPE);
  }

  @Test
  void aDeadTokenForgetsTheDeviceAfterItsFirstFailure() {
    push.answer(PHONE, PushResult.tokenInvalid("apns", "BadDeviceToken"));
    pastDue();

    runPushJobs();

    assertThat(devices.find(DeviceId.of(1))).isEmpty();
    assertThat(devices.find(DeviceId.of(2))).isPresent();
    assertThat(push.pushed).containsExactly("android " + TABLET + " payment_problem stripe");
    assertThat(events.lines())
        .contains(
            "push to device 1: apns TOKEN_INVALID BadDeviceToken",
            "notice payment_problem by push to user 1: invalid_token");
  }

  @Test
  void aThrottledPushIsRetriedNoSoonerThanTheServiceAskedAndThenSentOnce() {
    push.answer(
        TABLET,
        PushResult.retryLater("fcm", "QUOTA_EXCEEDED", Optional.of(Duration.ofSeconds(90))),
        PushResult.retryLater("fcm", "UNAVAILABLE", Optional.empty()));
    pastDue();
    Enqueued tabletJob = pushJobFor(2);

    assertThatThrownBy(() -> handler().handle(tabletJob.payload()))
        .isInstanceOfSatisfying(
            RetryLaterJobFailure.class,
            failure -> assertThat(failure.notSooner()).isEqualTo(Duration.ofSeconds(90)));
    assertThatThrownBy(() -> handler().handle(tabletJob.payload()))
        .isInstanceOfSatisfying(
            RetryLaterJobFailure.class,
            failure -> assertThat(failure.notSooner()).isEqualTo(Duration.ZERO));
    handler().handle(tabletJob.payload());

    assertThat(push.pushed).containsExactly("android " + TABLET + " payment_problem stripe");
    assertThat(devices.find(DeviceId.of(2))).as("a throttled device is kept").isPresent();
    assertThat(events.lines())
        .containsSubsequence(
            "notice payment_problem by push to user 1: failed",
            "notice payment_problem by push to user 1: failed",
            "notice payment_problem by push to user 1: sent");
  }

  @Test
  void aPushTheServiceRefusesIsNotRetried() {
    push.answer(PHONE, PushResult.refused("apns", "TopicDisallowed"));
    pastDue();

    assertThatThrownBy(() -> handler().handle(pushJobFor(1).payload()))
        .isInstanceOf(PermanentJobFailure.class)
        .hasMessageContaining("TopicDisallowed");
    assertThat(devices.find(DeviceId.of(1))).isPresent();
  }

  @Test
  void pushPreferencesAreReadWhenSendingAndLeaveEmailAlone() {
    pastDue();
    preferences.save(
        ada.id(),
        NoticePreferences.DEFAULTS.withKind(NoticeKind.PAYMENT_PROBLEM, NoticeChannel.PUSH, false));

    runPushJobs();

    assertThat(push.pushed).isEmpty();
    assertThat(events.lines())
        .filteredOn(line -> line.startsWith("notice"))
        .containsExactly(
            "notice payment_problem by push to user 1: muted",
            "notice payment_problem by push to user 1: muted");
    assertThat(
            NoticePreferences.DEFAULTS
                .withKind(NoticeKind.PAYMENT_PROBLEM, NoticeChannel.PUSH, false)
                .allows(NoticeKind.PAYMENT_PROBLEM, NoticeChannel.EMAIL))
        .isTrue();
  }

  @Test
  void aDeviceRemovedOrMovedToAnotherAccountMeanwhileGetsNothing() {
    pastDue();
    devices.remove(DeviceId.of(1));
    devices.remove(DeviceId.of(2));
    devices.add(
        new PushTarget(
            DeviceId.of(2),
            UserTestData.aUser().withId(9).build().id(),
            DevicePlatform.ANDROID,
            DeviceToken.of(TABLET)));

    runPushJobs();

    assertThat(push.pushed).isEmpty();
    assertThat(events.lines())
        .filteredOn(line -> line.startsWith("notice"))
        .containsOnly("notice payment_problem by push to user 1: no_device");
  }

  @Test
  void aDeletedAccountGetsNoPush() {
    pastDue();
    accounts.remove(ada.id());

    runPushJobs();

    assertThat(push.pushed).isEmpty();
    assertThat(events.lines())
        .filteredOn(line -> line.startsWith("notice"))
        .containsOnly("notice payment_problem by push to user 1: no_account");
  }

  private Subscription pastDue() {
    NoticeRecorder recorder = new NoticeRecorder(notices, jobs, devices, push);
    Subscription subscription = subscriptions.lockOrStart(ref(), T0);
    subscription.bindTo(ada.id(), T0);
    apply(subscription, Observation.of(ACTIVE).withRenewal(PERIOD_END));
    Subscription.State before = subscription.state();
    Optional<StatusChange> change =
        apply(subscription, Observation.of(PAST_DUE).withGraceEnd(PERIOD_END));
    change.ifPresent(c -> recorder.afterChange(before, subscription, c, T0));
    return subscription;
  }

  private Optional<StatusChange> apply(Subscription subscription, Observation observation) {
    return providerEvents.apply(subscription, observation);
  }

  private PushNoticeHandler handler() {
    return new PushNoticeHandler(
        notices, subscriptions, accounts, preferences, devices, push, events, unitOfWork);
  }

  /** Runs the queued push jobs whose device is still there or not, as the worker would. */
  private void runPushJobs() {
    for (Enqueued job : pushJobs()) {
      handler().handle(job.payload());
    }
  }

  private List<Enqueued> pushJobs() {
    return jobs.enqueued().stream()
        .filter(job -> job.type().equals(PushNoticeHandler.TYPE))
        .toList();
  }

  private Enqueued pushJobFor(long device) {
    return pushJobs().stream()
        .filter(job -> job.payload().require("device").equals(Long.toString(device)))
        .findFirst()
        .orElseThrow();
  }

  private PushTarget target(long id, DevicePlatform platform, String token) {
    return new PushTarget(DeviceId.of(id), ada.id(), platform, DeviceToken.of(token));
  }

  private static ProviderSubscriptionRef ref() {
    return new ProviderSubscriptionRef(PaymentProvider.STRIPE, "sub_1");
  }
}
