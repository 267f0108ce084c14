package app.huberman.adapters.monitoring.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.monitoring.logging.CapturedLog;
import app.huberman.application.subscription.port.in.WebhookReceipt;
import app.huberman.application.subscription.port.out.PushResult;
import app.huberman.domain.subscription.EventOutcome;
import app.huberman.domain.subscription.NoticeChannel;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.StatusChange;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.subscription.SubscriptionStatus;
import app.huberman.domain.user.DeviceId;
import app.huberman.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscriptionEventsRecorderTest {

  private static final Logger LOG = Logger.getLogger("app.huberman.subscriptions");

  private final CountingRegistry metrics = new CountingRegistry();
  private final SubscriptionEventsRecorder recorder =
      new SubscriptionEventsRecorder(metrics.registry());
  private CapturedLog log;
  private List<LogRecord> logged;

  @BeforeEach
  void captureTheLog() {
    log = CapturedLog.attach(LOG, Level.ALL);
    logged = log.records();
  }

  @AfterEach
  void releaseTheLog() {
    log.detach();
  }

  @Test
  void countsAndLogsAReceivedWebhookByProviderAndOutcome() {
    recorder.webhookReceived(
        PaymentProvider.STRIPE, "invoice.paid", "evt_1", WebhookReceipt.ACCEPTED);
    recorder.webhookReceived(
        PaymentProvider.STRIPE, "invoice.paid", "evt_1", WebhookReceipt.DUPLICATE);
    recorder.webhookReceived(
        PaymentProvider.STRIPE, "invoice.paid", "evt_2", WebhookReceipt.ACCEPTED);

    assertThat(received("stripe", "accepted")).isEqualTo(2);
    assertThat(received("stripe", "duplicate")).isEqualTo(1);
    assertThat(received("apple", "accepted")).isZero();
    assertThat(events()).containsOnly("webhook.received");
    assertThat(fields(1))
        .containsExactly(
            Map.entry("provider", "stripe"),
            Map.entry("type", "invoice.paid"),
            Map.entry("event_id", "evt_1"),
            Map.entry("outcome", "duplicate"));
    assertThat(logged.get(0).getLevel()).isEqualTo(Level.INFO);
  }

  @Test
  void countsARejectedWebhookAsReceivedAndLogsWhyAsAWarning() {
    recorder.webhookRejected(PaymentProvider.APPLE, "Bad certificate chain");

    assertThat(received("apple", "rejected")).isEqualTo(1);
    assertThat(events()).containsExactly("webhook.rejected");
    assertThat(fields(0))
        .containsExactly(
            Map.entry("provider", "apple"),
            Map.entry("outcome", "rejected"),
            Map.entry("reason", "Bad certificate chain"));
    assertThat(logged.get(0).getLevel()).isEqualTo(Level.WARNING);
  }

  @Test
  void countsAndLogsAProcessedWebhookByProviderAndResult() {
    recorder.webhookProcessed(
        PaymentProvider.GOOGLE, "SUBSCRIPTION_RENEWED", "msg-1", EventOutcome.Result.APPLIED);
    recorder.webhookProcessed(
        PaymentProvider.GOOGLE,
        "SUBSCRIPTION_RENEWED",
        "msg-0",
        EventOutcome.Result.NO_OBSERVATION);

    assertThat(processed("google", "applied")).isEqualTo(1);
    assertThat(processed("google", "no_observation")).isEqualTo(1);
    assertThat(events()).containsOnly("webhook.processed");
    assertThat(fields(0))
        .containsExactly(
            Map.entry("provider", "google"),
            Map.entry("type", "SUBSCRIPTION_RENEWED"),
            Map.entry("event_id", "msg-1"),
            Map.entry("result", "applied"));
  }

  @Test
  void countsAndLogsAReconciledWebhookAsAWarningWithWhichTimeItWas() {
    recorder.webhookReconciled(PaymentProvider.GOOGLE, "SUBSCRIPTION_RENEWED", "msg-1", 1);
    recorder.webhookReconciled(PaymentProvider.GOOGLE, "SUBSCRIPTION_RENEWED", "msg-2", 3);

    assertThat(metrics.count(SubscriptionEventsRecorder.RECONCILED, new Tag("provider", "google")))
        .isEqualTo(2);
    assertThat(events()).containsOnly("webhook.reconciled");
    assertThat(fields(1))
        .containsExactly(
            Map.entry("provider", "google"),
            Map.entry("type", "SUBSCRIPTION_RENEWED"),
            Map.entry("event_id", "msg-2"),
            Map.entry("reconciliation", 3));
    assertThat(logged.get(0).getLevel()).isEqualTo(Level.WARNING);
  }

  @Test
  void countsAndLogsAStatusChangeByItsTwoStatuses() {
    StatusChange change = new StatusChange(SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE);

    recorder.statusChanged(new SubscriptionId(7), PaymentProvider.STRIPE, change);
    recorder.statusChanged(new SubscriptionId(8), PaymentProvider.APPLE, change);

    assertThat(
            metrics.count(
                SubscriptionEventsRecorder.TRANSITIONS,
                new Tag("from", "active"),
                new Tag("to", "past_due")))
        .isEqualTo(2);
    assertThat(events()).containsOnly("subscription.status_changed");
    assertThat(fields(0))
        .containsExactly(
            Map.entry("subscription_id", 7L),
            Map.entry("provider", "stripe"),
            Map.entry("from", "active"),
            Map.entry("to", "past_due"));
  }

  @Test
  void countsAndLogsALapseAsAWarning() {
    recorder.subscriptionLapsed(new SubscriptionId(9), PaymentProvider.APPLE);

    assertThat(metrics.count(SubscriptionEventsRecorder.LAPSED, new Tag("provider", "apple")))
        .isEqualTo(1);
    assertThat(events()).containsExactly("subscription.lapsed");
    assertThat(fields(0))
        .containsExactly(Map.entry("subscription_id", 9L), Map.entry("provider", "apple"));
    assertThat(logged.get(0).getLevel()).isEqualTo(Level.WARNING);
  }

  @Test
  void countsAndLogsReChecksByResultWithTheStatusChangeAndFailuresWithTheReason() {
    recorder.subscriptionRechecked(
        new SubscriptionId(3),
        PaymentProvider.GOOGLE,
        new EventOutcome(
            EventOutcome.Result.APPLIED,
            Optional.of(new StatusChange(SubscriptionStatus.ACTIVE, SubscriptionStatus.EXPIRED)),
            false));
    recorder.recheckFailed(
        new SubscriptionId(4), PaymentProvider.GOOGLE, "The Play Developer API answered HTTP 503");

    assertThat(rechecks("google", "applied")).isEqualTo(1);
    assertThat(rechecks("google", "failed")).isEqualTo(1);
    assertThat(events()).containsExactly("subscription.rechecked", "subscription.recheck_failed");
    assertThat(fields(0))
        .containsExactly(
            Map.entry("subscription_id", 3L),
            Map.entry("provider", "google"),
            Map.entry("result", "applied"),
            Map.entry("from", "active"),
            Map.entry("to", "expired"));
    assertThat(fields(1)).containsEntry("reason", "The Play Developer API answered HTTP 503");
    assertThat(logged.get(1).getLevel()).isEqualTo(Level.WARNING);
  }

  private long rechecks(String provider, String result) {
    return metrics.count(
        SubscriptionEventsRecorder.RECHECKS,
        new Tag("provider", provider),
        new Tag("result", result));
  }

  @Test
  void countsAndLogsRefusedSandboxPurchasesBySourceWithoutAnythingButIds() {
    recorder.sandboxPurchaseRefused(PaymentProvider.APPLE, UserId.of(42));
    recorder.sandboxWebhookIgnored(PaymentProvider.GOOGLE, "SUBSCRIPTION_PURCHASED", "msg-9");

    assertThat(sandboxRefused("apple", "verify")).isEqualTo(1);
    assertThat(sandboxRefused("google", "webhook")).isEqualTo(1);
    assertThat(events()).containsExactly("subscription.sandbox_refused", "webhook.ignored");
    assertThat(fields(0))
        .containsExactly(Map.entry("provider", "apple"), Map.entry("user_id", 42L));
    assertThat(fields(1))
        .containsExactly(
            Map.entry("provider", "google"),
            Map.entry("type", "SUBSCRIPTION_PURCHASED"),
            Map.entry("event_id", "msg-9"),
            Map.entry("reason", "sandbox"));
  }

  @Test
  void noticeCountersStartAtZeroAndEachDeliveryIsCountedAndLoggedWithoutTheAddress() {
    recorder.registerKnown();
    for (NoticeKind kind : NoticeKind.values()) {
      assertThat(notices(kind, "sent")).as(kind.key()).isZero();
      assertThat(metrics.hasCounter(SubscriptionEventsRecorder.NOTICES, noticeTags(kind, "failed")))
          .isTrue();
    }

    recorder.noticeDelivered(UserId.of(7), NoticeKind.PAYMENT_PROBLEM, NoticeChannel.EMAIL, "sent");
    recorder.noticeDelivered(
        UserId.of(7), NoticeKind.PAYMENT_PROBLEM, NoticeChannel.EMAIL, "failed");

    assertThat(notices(NoticeKind.PAYMENT_PROBLEM, "sent")).isEqualTo(1);
    assertThat(notices(NoticeKind.PAYMENT_PROBLEM, "failed")).isEqualTo(1);
    assertThat(events()).containsExactly("notice.delivered", "notice.delivered");
    assertThat(logged.get(1).getLevel()).isEqualTo(java.util.logging.Level.WARNING);
    assertThat(fields(0))
        .containsExactly(
            Map.entry("user_id", 7L),
            Map.entry("kind", "payment_problem"),
            Map.entry("channel", "email"),
            Map.entry("outcome", "sent"));
  }

  @Test
  void pushAnswersAreCountedByServiceAndResultAndRefusalsByReasonWithoutTheToken() {
    recorder.registerKnown();
    for (String service : List.of("apns", "fcm")) {
      for (String result : List.of("accepted", "invalid_token", "retry_later", "refused")) {
        assertThat(pushes(service, result)).as(service + " " + result).isZero();
      }
    }
    assertThat(
            metrics.hasCounter(
                SubscriptionEventsRecorder.NOTICES,
                new Tag("kind", "payment_problem"),
                new Tag("channel", "push"),
                new Tag("outcome", "failed")))
        .isTrue();

    recorder.pushAnswered(DeviceId.of(3), PushResult.accepted("apns"));
    recorder.pushAnswered(DeviceId.of(4), PushResult.tokenInvalid("fcm", "UNREGISTERED"));
    recorder.pushAnswered(
        DeviceId.of(5),
        PushResult.retryLater("fcm", "QUOTA_EXCEEDED", Optional.of(Duration.ofSeconds(30))));

    assertThat(pushes("apns", "accepted")).isEqualTo(1);
    assertThat(pushes("fcm", "invalid_token")).isEqualTo(1);
    assertThat(pushes("fcm", "retry_later")).isEqualTo(1);
    assertThat(
            metrics.count(
                SubscriptionEventsRecorder.PUSH_ERRORS,
                new Tag("service", "fcm"),
                new Tag("reason", "QUOTA_EXCEEDED")))
        .isEqualTo(1);
    assertThat(events()).containsExactly("push.answered", "push.answered", "push.answered");
    assertThat(logged.get(0).getLevel()).isEqualTo(Level.INFO);
    assertThat(logged.get(1).getLevel()).isEqualTo(Level.INFO);
    assertThat(logged.get(2).getLevel()).isEqualTo(Level.WARNING);
    assertThat(fields(2))
        .containsExactly(
            Map.entry("device_id", 5L),
            Map.entry("service", "fcm"),
            Map.entry("result", "retry_later"),
            Map.entry("reason", "QUOTA_EXCEEDED"),
            Map.entry("retry_after_seconds", 30L));
  }

  private long pushes(String service, String result) {
    return metrics.count(
        SubscriptionEventsRecorder.PUSH_ATTEMPTS,
        new Tag("service", service),
        new Tag("result", result));
  }

  private long notices(NoticeKind kind, String outcome) {
    return metrics.count(SubscriptionEventsRecorder.NOTICES, noticeTags(kind, outcome));
  }

  private static Tag[] noticeTags(NoticeKind kind, String outcome) {
    return new Tag[] {
      new Tag("kind", kind.key()), new Tag("channel", "email"), new Tag("outcome", outcome)
    };
  }

  private long sandboxRefused(String provider, String source) {
    return metrics.count(
        SubscriptionEventsRecorder.SANDBOX_REFUSED,
        new Tag("provider", provider),
        new Tag("source", source));
  }

  private long received(String provider, String outcome) {
    return metrics.count(
        SubscriptionEventsRecorder.RECEIVED,
        new Tag("provider", provider),
        new Tag("outcome", outcome));
  }

  private long processed(String provider, String result) {
    return metrics.count(
        SubscriptionEventsRecorder.PROCESSED,
        new Tag("provider", provider),
        new Tag("result", result));
  }

  private List<String> events() {
    return logged.stream().map(LogRecord::getMessage).toList();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> fields(int index) {
    return (Map<String, Object>) logged.get(index).getParameters()[0];
  }
}
