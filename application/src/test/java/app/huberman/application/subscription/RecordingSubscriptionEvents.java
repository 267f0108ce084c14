package app.huberman.application.subscription;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records what is reported, one line each, in the order reported. */
public final class RecordingSubscriptionEvents implements SubscriptionEventsPort {

  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void webhookReceived(
      PaymentProvider provider, String type, String eventId, WebhookReceipt receipt) {
    lines.add("received " + provider.key() + " " + eventId + " " + receipt);
  }

  @Override
  public void webhookRejected(PaymentProvider provider, String reason) {
    lines.add("rejected " + provider.key() + ": " + reason);
  }

  @Override
  public void webhookProcessed(
      PaymentProvider provider, String type, String eventId, EventOutcome.Result result) {
    lines.add("processed " + provider.key() + " " + eventId + " " + result);
  }

  @Override
  public void webhookReconciled(
      PaymentProvider provider, String type, String eventId, int reconciliation) {
    lines.add("reconciled " + provider.key() + " " + eventId + " #" + reconciliation);
  }

  @Override
  public void statusChanged(
      SubscriptionId subscription, PaymentProvider provider, StatusChange change) {
    lines.add(
        "status "
            + provider.key()
            + " #"
            + subscription.value()
            + " "
            + change.from().key()
            + " -> "
            + change.to().key());
  }

  @Override
  public void subscriptionLapsed(SubscriptionId subscription, PaymentProvider provider) {
    lines.add("lapsed " + provider.key() + " #" + subscription.value());
  }

  @Override
  public void subscriptionRechecked(
      SubscriptionId subscription, PaymentProvider provider, EventOutcome outcome) {
    lines.add("rechecked " + provider.key() + " #" + subscription.value() + " " + outcome.result());
  }

  @Override
  public void recheckFailed(SubscriptionId subscription, PaymentProvider provider, String reason) {
    lines.add("recheck failed " + provider.key() + " #" + subscription.value() + ": " + reason);
  }

  @Override
  public void sandboxPurchaseRefused(PaymentProvider provider, UserId caller) {
    lines.add("sandbox refused " + provider.key() + " user " + caller.value());
  }

  @Override
  public void sandboxWebhookIgnored(PaymentProvider provider, String type, String eventId) {
    lines.add("sandbox ignored " + provider.key() + " " + eventId);
  }

  /** Forgets what was reported so far. */
  public void clear() {
    lines.clear();
  }

  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  @Override
  public void checkoutStarted(UserId caller, PlanSlug plan, String sessionId) {
    lines.add("checkout started " + plan.value() + " user " + caller.value() + " " + sessionId);
  }

  @Override
  public void stripeCustomerCreated(UserId caller, String customerId) {
    lines.add("stripe customer created user " + caller.value() + " " + customerId);
  }

  @Override
  public void stripeCustomerForgotten(UserId caller, String customerId) {
    lines.add("stripe customer forgotten user " + caller.value() + " " + customerId);
  }

  @Override
  public void billingPortalOpened(UserId caller) {
    lines.add("billing portal opened user " + caller.value());
  }

  @Override
  public void noticeDelivered(UserId user, NoticeKind kind, NoticeChannel channel, String outcome) {
    lines.add(
        "notice "
            + kind.key()
            + " by "
            + channel.key()
            + " to user "
            + user.value()
            + ": "
            + outcome);
  }

  @Override
  public void pushAnswered(DeviceId device, PushResult result) {
    lines.add(
        "push to device "
            + device.value()
            + ": "
            + result.service()
            + " "
            + result.outcome()
            + (result.reason().isEmpty() ? "" : " " + result.reason()));
  }
}
