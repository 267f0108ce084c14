package app.huberman.adapters.monitoring.subscriptions;

import app.huberman.adapters.monitoring.logging.EventLog;
import app.huberman.adapters.monitoring.metrics.MetricHandles;
import app.huberman.application.subscription.port.in.WebhookReceipt;
import app.huberman.application.subscription.port.out.PushResult;
import app.huberman.application.subscription.port.out.SubscriptionEventsPort;
import app.huberman.domain.subscription.EventOutcome;
import app.huberman.domain.subscription.NoticeChannel;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.PlanSlug;
import app.huberman.domain.subscription.StatusChange;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.user.DeviceId;
import app.huberman.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Logs {@code webhook.received}, {@code webhook.rejected}, {@code webhook.processed}, {@code
 * subscription.status_changed}, {@code subscription.lapsed}, {@code subscription.rechecked}, {@code
 * subscription.recheck_failed}, {@code subscription.sandbox_refused}, {@code webhook.ignored} and
 * {@code webhook.reconciled}, and counts them in {@code webhooks_received_total{provider,outcome}}
 * (accepted, duplicate, rejected), {@code webhooks_processed_total{provider,result}}, {@code
 * subscription_transitions_total{from,to}}, {@code subscriptions_lapsed_total{provider}}, {@code
 * subscription_rechecks_total{provider, result}} (applied, duplicate, stale, no_observation,
 * failed), {@code sandbox_purchases_refused_total{provider, source}} (verify, webhook) and {@code
 * webhooks_reconciled_total{provider}}; notices in {@code notices_sent_total{kind,channel,outcome}}
 * ({@code notice.delivered}) and each push's answer in {@code push_attempts_total{service,result}}
 * and {@code push_provider_errors_total{service,reason}} ({@code push.answered}). Fields are the
 * provider, type, event id and outcome the port hands over: never a payload, signature or token.
 */
@ApplicationScoped
public class SubscriptionEventsRecorder implements SubscriptionEventsPort {

  static final String RECEIVED = "webhooks_received";
  static final String PROCESSED = "webhooks_processed";
  static final String RECONCILED = "webhooks_reconciled";
  static final String TRANSITIONS = "subscription_transitions";
  static final String LAPSED = "subscriptions_lapsed";
  static final String RECHECKS = "subscription_rechecks";
  static final String SANDBOX_REFUSED = "sandbox_purchases_refused";
  static final String NOTICES = "notices_sent";
  static final String PUSH_ATTEMPTS = "push_attempts";
  static final String PUSH_ERRORS = "push_provider_errors";

  /** The push services and what their answers mean, counted from the start at 0. */
  private static final List<String> PUSH_SERVICES = List.of("apns", "fcm");

  private static final Logger LOG = Logger.getLogger("app.huberman.subscriptions");
  private static final Metadata RECEIVED_METADATA =
      Metadata.builder()
          .withName(RECEIVED)
          .withDescription(
              "Provider webhooks received, by provider and outcome (accepted, duplicate, rejected)")
          .build();
  private static final Metadata PROCESSED_METADATA =
      Metadata.builder()
          .withName(PROCESSED)
          .withDescription(
              "Stored webhooks applied to subscriptions, by provider and result (applied,"
                  + " duplicate, stale, no_observation)")
          .build();
  private static final Metadata RECONCILED_METADATA =
      Metadata.builder()
          .withName(RECONCILED)
          .withDescription(
              "Stored webhooks whose processing was enqueued again because their job gave up, by"
                  + " provider")
          .build();
  private static final Metadata TRANSITIONS_METADATA =
      Metadata.builder()
          .withName(TRANSITIONS)
          .withDescription("Subscription status changes, by status before and after")
          .build();

  private static final Metadata LAPSED_METADATA =
      Metadata.builder()
          .withName(LAPSED)
          .withDescription(
              "Active subscriptions that lost access by our clock: no renewal reported within the"
                  + " lapse grace, by provider")
          .build();
  private static final Metadata RECHECKS_METADATA =
      Metadata.builder()
          .withName(RECHECKS)
          .withDescription(
              "Overdue renewals re-checked with the provider's API, by provider and result"
                  + " (applied, duplicate, stale, no_observation, failed)")
          .build();
  private static final Metadata SANDBOX_REFUSED_METADATA =
      Metadata.builder()
          .withName(SANDBOX_REFUSED)
          .withDescription(
              "Sandbox and test purchases the sandbox access rule refused, by provider and source"
                  + " (verify: answered 422; webhook: acknowledged and ignored)")
          .build();

  private static final Metadata NOTICES_METADATA =
      Metadata.builder()
          .withName(NOTICES)
          .withDescription(
              "Subscription notices by kind, channel and outcome (sent, muted by the user's"
                  + " preferences, no_account: deleted meanwhile, no_device: removed meanwhile,"
                  + " invalid_token: the device was forgotten, not_configured, failed)")
          .build();
  private static final Metadata PUSH_ATTEMPTS_METADATA =
      Metadata.builder()
          .withName(PUSH_ATTEMPTS)
          .withDescription(
              "Pushes to one device, by service (apns, fcm) and result (accepted, invalid_token,"
                  + " retry_later, refused)")
          .build();
  private static final Metadata PUSH_ERRORS_METADATA =
      Metadata.builder()
          .withName(PUSH_ERRORS)
          .withDescription(
              "Pushes a service did not accept, by service and its reason (BadDeviceToken,"
                  + " TooManyRequests, UNREGISTERED, QUOTA_EXCEEDED, unreachable, ...)")
          .build();

  private MetricHandles metrics;

  /** For the CDI proxy only. */
  protected SubscriptionEventsRecorder() {}

  @Inject
  public SubscriptionEventsRecorder(MetricRegistry registry) {
    this.metrics = new MetricHandles(registry);
  }

  /**
   * The notice counters NoticesFailing reads exist from the start, at 0: a channel whose first
   * deliveries all fail shows them as failures beside no sending, not as no series at all.
   */
  void registerAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    registerKnown();
  }

  void registerKnown() {
    for (NoticeKind kind : NoticeKind.values()) {
      for (NoticeChannel channel : NoticeChannel.values()) {
        for (String outcome : new String[] {"sent", "failed"}) {
          noticeCounter(kind, channel, outcome);
        }
      }
    }
    for (String service : PUSH_SERVICES) {
      for (PushResult.Outcome outcome : PushResult.Outcome.values()) {
        pushAttempts(service, outcome);
      }
    }
  }

  @Override
  public void webhookReceived(
      PaymentProvider provider, String type, String eventId, WebhookReceipt receipt) {
    String outcome = key(receipt);
    countReceived(provider, outcome);
    Map<String, Object> fields = webhookFields(provider, type, eventId);
    fields.put("outcome", outcome);
    EventLog.emit(LOG, Level.INFO, "webhook.received", fields);
  }

  @Override
  public void webhookRejected(PaymentProvider provider, String reason) {
    countReceived(provider, "rejected");
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("provider", provider.key());
    fields.put("outcome", "rejected");
    fields.put("reason", reason);
    EventLog.emit(LOG, Level.WARNING, "webhook.rejected", fields);
  }

  @Override
  public void webhookProcessed(
      PaymentProvider provider, String type, String eventId, EventOutcome.Result result) {
    String resultKey = key(result);
    metrics
        .counter(
            PROCESSED_METADATA, new Tag("provider", provider.key()), new Tag("result", resultKey))
        .inc();
    Map<String, Object> fields = webhookFields(provider, type, eventId);
    fields.put("result", resultKey);
    EventLog.emit(LOG, Level.INFO, "webhook.processed", fields);
  }

  @Override
  public void webhookReconciled(
      PaymentProvider provider, String type, String eventId, int reconciliation) {
    metrics.counter(RECONCILED_METADATA, new Tag("provider", provider.key())).inc();
    Map<String, Object> fields = webhookFields(provider, type, eventId);
    fields.put("reconciliation", reconciliation);
    EventLog.emit(LOG, Level.WARNING, "webhook.reconciled", fields);
  }

  @Override
  public void statusChanged(
      SubscriptionId subscription, PaymentProvider provider, StatusChange change) {
    String from = change.from().key();
    String to = change.to().key();
    metrics.counter(TRANSITIONS_METADATA, new Tag("from", from), new Tag("to", to)).inc();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("subscription_id", subscription.value());
    fields.put("provider", provider.key());
    fields.put("from", from);
    fields.put("to", to);
    EventLog.emit(LOG, Level.INFO, "subscription.status_changed", fields);
  }

  @Override
  public void subscriptionLapsed(SubscriptionId subscription, PaymentProvider provider) {
    metrics.counter(LAPSED_METADATA, new Tag("provider", provider.key())).inc();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("subscription_id", subscription.value());
    fields.put("provider", provider.key());
    EventLog.emit(LOG, Level.WARNING, "subscription.lapsed", fields);
  }

  @Override
  public void subscriptionRechecked(
      SubscriptionId subscription, PaymentProvider provider, EventOutcome outcome) {
    String result = key(outcome.result());
    countRecheck(provider, result);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("subscription_id", subscription.value());
    fields.put("provider", provider.key());
    fields.put("result", result);
    outcome
        .statusChange()
        .ifPresent(
            change -> {
              fields.put("from", change.from().key());
              fields.put("to", change.to().key());
            });
    EventLog.emit(LOG, Level.INFO, "subscription.rechecked", fields);
  }

  @Override
  public void recheckFailed(SubscriptionId subscription, PaymentProvider provider, String reason) {
    countRecheck(provider, "failed");
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("subscription_id", subscription.value());
    fields.put("provider", provider.key());
    fields.put("reason", reason);
    EventLog.emit(LOG, Level.WARNING, "subscription.recheck_failed", fields);
  }

  private void countRecheck(PaymentProvider provider, String result) {
    metrics
        .counter(RECHECKS_METADATA, new Tag("provider", provider.key()), new Tag("result", result))
        .inc();
  }

  @Override
  public void sandboxPurchaseRefused(PaymentProvider provider, UserId caller) {
    countSandboxRefused(provider, "verify");
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("provider", provider.key());
    fields.put("user_id", caller.value());
    EventLog.emit(LOG, Level.INFO, "subscription.sandbox_refused", fields);
  }

  @Override
  public void sandboxWebhookIgnored(PaymentProvider provider, String type, String eventId) {
    countSandboxRefused(provider, "webhook");
    Map<String, Object> fields = webhookFields(provider, type, eventId);
    fields.put("reason", "sandbox");
    EventLog.emit(LOG, Level.INFO, "webhook.ignored", fields);
  }

  @Override
  public void checkoutStarted(UserId caller, PlanSlug plan, String sessionId) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("user_id", caller.value());
    fields.put("plan", plan.value());
    fields.put("session_id", sessionId);
    EventLog.emit(LOG, Level.INFO, "stripe.checkout_started", fields);
  }

  @Override
  public void stripeCustomerCreated(UserId caller, String customerId) {
    customerEvent(Level.INFO, "stripe.customer_created", caller, customerId);
  }

  @Override
  public void stripeCustomerForgotten(UserId caller, String customerId) {
    customerEvent(Level.WARNING, "stripe.customer_forgotten", caller, customerId);
  }

  @Override
  public void noticeDelivered(UserId user, NoticeKind kind, NoticeChannel channel, String outcome) {
    noticeCounter(kind, channel, outcome).inc();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("user_id", user.value());
    fields.put("kind", kind.key());
    fields.put("channel", channel.key());
    fields.put("outcome", outcome);
    EventLog.emit(
        LOG, outcome.equals("failed") ? Level.WARNING : Level.INFO, "notice.delivered", fields);
  }

  @Override
  public void pushAnswered(DeviceId device, PushResult result) {
    pushAttempts(result.service(), result.outcome()).inc();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("device_id", device.value());
    fields.put("service", result.service());
    fields.put("result", resultKey(result.outcome()));
    if (result.outcome() != PushResult.Outcome.ACCEPTED) {
      metrics
          .counter(
              PUSH_ERRORS_METADATA,
              new Tag("service", result.service()),
              new Tag("reason", result.reason()))
          .inc();
      fields.put("reason", result.reason());
      result.retryAfter().ifPresent(wait -> fields.put("retry_after_seconds", wait.toSeconds()));
    }
    boolean failing =
        result.outcome() == PushResult.Outcome.RETRY_LATER
            || result.outcome() == PushResult.Outcome.REFUSED;
    EventLog.emit(LOG, failing ? Level.WARNING : Level.INFO, "push.answered", fields);
  }

  private Counter pushAttempts(String service, PushResult.Outcome outcome) {
    return metrics.counter(
        PUSH_ATTEMPTS_METADATA, new Tag("service", service), new Tag("result", resultKey(outcome)));
  }

  private static String resultKey(PushResult.Outcome outcome) {
    return switch (outcome) {
      case ACCEPTED -> "accepted";
      case TOKEN_INVALID -> "invalid_token";
      case RETRY_LATER -> "retry_later";
      case REFUSED -> "refused";
    };
  }

  private Counter noticeCounter(NoticeKind kind, NoticeChannel channel, String outcome) {
    return metrics.counter(
        NOTICES_METADATA,
        new Tag("kind", kind.key()),
        new Tag("channel", channel.key()),
        new Tag("outcome", outcome));
  }

  private static void customerEvent(Level level, String event, UserId caller, String customerId) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("user_id", caller.value());
    fields.put("customer_id", customerId);
    EventLog.emit(LOG, level, event, fields);
  }

  @Override
  public void billingPortalOpened(UserId caller) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("user_id", caller.value());
    EventLog.emit(LOG, Level.INFO, "stripe.portal_opened", fields);
  }

  private void countSandboxRefused(PaymentProvider provider, String source) {
    metrics
        .counter(
            SANDBOX_REFUSED_METADATA,
            new Tag("provider", provider.key()),
            new Tag("source", source))
        .inc();
  }

  private void countReceived(PaymentProvider provider, String outcome) {
    metrics
        .counter(
            RECEIVED_METADATA, new Tag("provider", provider.key()), new Tag("outcome", outcome))
        .inc();
  }

  private static Map<String, Object> webhookFields(
      PaymentProvider provider, String type, String eventId) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("provider", provider.key());
    fields.put("type", type);
    fields.put("event_id", eventId);
    return fields;
  }

  private static String key(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
