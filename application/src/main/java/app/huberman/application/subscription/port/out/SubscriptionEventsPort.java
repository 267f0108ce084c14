package app.huberman.application.subscription.port.out;

import app.huberman.application.subscription.port.in.WebhookReceipt;
import app.huberman.domain.subscription.EventOutcome;
import app.huberman.domain.subscription.NoticeChannel;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.PlanSlug;
import app.huberman.domain.subscription.StatusChange;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.user.DeviceId;
import app.huberman.domain.user.UserId;

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

  /**
   * An active subscription lost access by our clock: no renewal was reported within the lapse grace
   * after its renewal date.
   */
  void subscriptionLapsed(SubscriptionId subscription, PaymentProvider provider);

  /** A re-check got the provider's answer and applied it like a webhook's event. */
  void subscriptionRechecked(
      SubscriptionId subscription, PaymentProvider provider, EventOutcome outcome);

  /** A re-check could not get or use the provider's answer; a later run asks again. */
  void recheckFailed(SubscriptionId subscription, PaymentProvider provider, String reason);

  /** A reported sandbox or test purchase was refused (422): the rule does not admit the caller. */
  void sandboxPurchaseRefused(PaymentProvider provider, UserId caller);

  /**
   * A stored webhook about a sandbox or test purchase was acknowledged and ignored: the rule does
   * not admit its account, so nothing was changed.
   */
  void sandboxWebhookIgnored(PaymentProvider provider, String type, String eventId);

  /** A Stripe Checkout Session was created for the user to pay a plan in. */
  void checkoutStarted(UserId caller, PlanSlug plan, String sessionId);

  /** A Stripe customer was created for the user's first web purchase. */
  void stripeCustomerCreated(UserId caller, String customerId);

  /**
   * Stripe no longer knows the customer we kept for the user (deleted in its dashboard): it was
   * forgotten, and the purchase goes on with a new one.
   */
  void stripeCustomerForgotten(UserId caller, String customerId);

  /** A Stripe Customer Portal session was created for the user. */
  void billingPortalOpened(UserId caller);

  /**
   * A notice's delivery by one channel ended this way.
   *
   * @param outcome {@code sent}; {@code muted} (the user's preferences); {@code no_account}
   *     (deleted meanwhile); {@code no_device} (a push to a device removed meanwhile); {@code
   *     invalid_token} (the push service declared the device's token dead, and the device was
   *     forgotten); {@code not_configured} (its push service was unset by a restart since); {@code
   *     failed} (retried, as the job is, unless the service refused the push)
   */
  void noticeDelivered(UserId user, NoticeKind kind, NoticeChannel channel, String outcome);

  /** A push service answered a push to this device (never the token). */
  void pushAnswered(DeviceId device, PushResult result);
}
