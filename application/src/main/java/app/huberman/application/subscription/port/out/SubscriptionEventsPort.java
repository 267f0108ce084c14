package app.huberman.application.subscription.port.out;

import app.huberman.application.subscription.port.in.WebhookReceipt;
import app.huberman.domain.subscription.EventOutcome;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.StatusChange;
import app.huberman.domain.subscription.SubscriptionId;

/**
 * What happens to webhooks and subscriptions, for logs and metrics. Carries provider, type, event
 * id and outcome: never a payload, signature or token.
 */
public interface SubscriptionEventsPort {

  void webhookReceived(
      PaymentProvider provider, String type, String eventId, WebhookReceipt receipt);

  void webhookRejected(PaymentProvider provider, String reason);

  void webhookProcessed(
      PaymentProvider provider, String type, String eventId, EventOutcome.Result result);

  /**
   * The reconciler enqueued the processing of a stored notification again, because no processing
   * job was left for it (its job gave up).
   *
   * @param reconciliation which time, counting from 1
   */
  void webhookReconciled(PaymentProvider provider, String type, String eventId, int reconciliation);

  void statusChanged(SubscriptionId subscription, PaymentProvider provider, StatusChange change);
}
