package app.huberman.adapters.monitoring.subscriptions;

import app.huberman.adapters.monitoring.logging.EventLog;
import app.huberman.adapters.monitoring.metrics.MetricHandles;
import app.huberman.application.subscription.port.in.WebhookReceipt;
import app.huberman.application.subscription.port.out.SubscriptionEventsPort;
import app.huberman.domain.subscription.EventOutcome;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.StatusChange;
import app.huberman.domain.subscription.SubscriptionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Logs {@code webhook.received}, {@code webhook.rejected}, {@code webhook.processed}, {@code
 * webhook.reconciled} and {@code subscription.status_changed}, and counts them in {@code
 * webhooks_received_total{provider,outcome}} (accepted, duplicate, rejected), {@code
 * webhooks_processed_total{provider,result}}, {@code webhooks_reconciled_total{provider}} and
 * {@code subscription_transitions_total{from,to}}. Fields are the provider, type, event id and
 * outcome the port hands over: never a payload, signature or token.
 */
@ApplicationScoped
public class SubscriptionEventsRecorder implements SubscriptionEventsPort {

  static final String RECEIVED = "webhooks_received";
  static final String PROCESSED = "webhooks_processed";
  static final String RECONCILED = "webhooks_reconciled";
  static final String TRANSITIONS = "subscription_transitions";

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

  private MetricHandles metrics;

  /** For the CDI proxy only. */
  protected SubscriptionEventsRecorder() {}

  @Inject
  public SubscriptionEventsRecorder(MetricRegistry registry) {
    this.metrics = new MetricHandles(registry);
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
