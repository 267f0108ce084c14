package app.huberman.adapters.payments.stripe;

import static app.huberman.adapters.payments.JsonFields.bool;
import static app.huberman.adapters.payments.JsonFields.epochSeconds;
import static app.huberman.adapters.payments.JsonFields.number;
import static app.huberman.adapters.payments.JsonFields.object;
import static app.huberman.adapters.payments.JsonFields.objects;
import static app.huberman.adapters.payments.JsonFields.requiredString;
import static app.huberman.adapters.payments.JsonFields.string;
import static app.huberman.adapters.payments.JsonFields.value;

import app.huberman.adapters.payments.JsonFields;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.domain.subscription.Observation;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.SubscriptionStatus;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a stored Stripe event into a provider event. Subscription events carry the whole
 * subscription object, so they observe its full state; invoice events observe what a payment
 * outcome says about the subscription; a completed Checkout session only ties the subscription to
 * the account that started it.
 */
final class StripeEventMapper {

  /** Where the account's UUID is in a customer's or subscription's metadata (StripeBilling). */
  static final String METADATA_USER = "user_uuid";

  private final Duration pastDueGrace;

  StripeEventMapper(Duration pastDueGrace) {
    this.pastDueGrace = pastDueGrace;
  }

  Optional<ProviderEvent> map(VerifiedNotification notification) {
    JsonObject event = JsonFields.parseObject(notification.payload());
    JsonObject object =
        object(event, "data")
            .flatMap(data -> object(data, "object"))
            .orElseThrow(() -> new InvalidNotificationException("The Stripe event has no object"));
    Mapping mapping = new Mapping(notification);
    return switch (notification.type()) {
      case "checkout.session.completed" -> mapping.checkout(object);
      case "customer.subscription.created",
          "customer.subscription.updated",
          "customer.subscription.paused",
          "customer.subscription.resumed" ->
          Optional.of(mapping.subscription(object, false));
      case "customer.subscription.deleted" -> Optional.of(mapping.subscription(object, true));
      case "invoice.paid" -> mapping.invoicePaid(object);
      case "invoice.payment_failed" -> mapping.invoicePaymentFailed(object);
      default -> Optional.empty();
    };
  }

  /** The mapping of one event, which every observation it makes is stamped with. */
  private final class Mapping {

    private final VerifiedNotification notification;

    Mapping(VerifiedNotification notification) {
      this.notification = notification;
    }

    /** Checkout in subscription mode: who bought it; the subscription events carry the state. */
    Optional<ProviderEvent> checkout(JsonObject session) {
      if (!string(session, "mode").orElse("").equals("subscription")) {
        return Optional.empty();
      }
      return idOf(session, "subscription")
          .map(
              subscription ->
                  event(
                      subscription,
                      JsonFields.accountToken(string(session, "client_reference_id")),
                      Optional.empty()));
    }

    ProviderEvent subscription(JsonObject subscription, boolean deleted) {
      String id = requiredString(subscription, "id");
      Observation observation =
          observe(subscription, deleted).withProduct(subscriptionProduct(subscription));
      return event(id, userOf(subscription), Optional.of(observation));
    }

    Optional<ProviderEvent> invoicePaid(JsonObject invoice) {
      if (isFreeCreationInvoice(invoice)) {
        // A trial's (or a fully discounted) first invoice: it proves no payment, and the
        // subscription events for the same moment report the real state.
        return Optional.empty();
      }
      return invoiceEvent(
          invoice, Observation.of(SubscriptionStatus.ACTIVE).withRenewal(linesEnd(invoice)));
    }

    Optional<ProviderEvent> invoicePaymentFailed(JsonObject invoice) {
      if (billingReason(invoice).equals("subscription_create")) {
        // The first payment failed: Stripe calls that subscription incomplete, not past due, and
        // grants no grace.
        return invoiceEvent(invoice, Observation.of(SubscriptionStatus.INCOMPLETE));
      }
      Instant graceEnd =
          epochSeconds(invoice, "next_payment_attempt")
              .orElseGet(() -> notification.occurredAt().plus(pastDueGrace));
      return invoiceEvent(
          invoice, Observation.of(SubscriptionStatus.PAST_DUE).withGraceEnd(graceEnd));
    }

    private Optional<ProviderEvent> invoiceEvent(JsonObject invoice, Observation observation) {
      Optional<JsonObject> details =
          object(invoice, "parent")
              .flatMap(parent -> object(parent, "subscription_details"))
              .or(() -> object(invoice, "subscription_details"));
      Optional<String> subscription =
          details.flatMap(d -> idOf(d, "subscription")).or(() -> idOf(invoice, "subscription"));
      Optional<UUID> user = details.flatMap(StripeEventMapper::userOf);
      return subscription.map(
          id -> event(id, user, Optional.of(observation.withProduct(invoiceProduct(invoice)))));
    }

    private Observation observe(JsonObject subscription, boolean deleted) {
      Instant occurredAt = notification.occurredAt();
      String status = deleted ? "canceled" : requiredString(subscription, "status");
      return switch (status) {
        case "incomplete" -> Observation.of(SubscriptionStatus.INCOMPLETE);
        case "incomplete_expired", "canceled" ->
            Observation.of(SubscriptionStatus.EXPIRED)
                .withEnd(
                    epochSeconds(subscription, "ended_at")
                        .or(() -> epochSeconds(subscription, "canceled_at"))
                        .orElse(occurredAt))
                .withCancellation(epochSeconds(subscription, "canceled_at").orElse(null));
        case "trialing" ->
            Observation.of(SubscriptionStatus.TRIALING)
                .withTrialEnd(epochSeconds(subscription, "trial_end").orElse(null));
        case "active" -> active(subscription);
        case "past_due" ->
            // Stripe moves the period forward before it tries to collect the renewal, so the
            // unpaid period starts at current_period_start: grace runs from there.
            Observation.of(SubscriptionStatus.PAST_DUE)
                .withGraceEnd(
                    period(subscription, "current_period_start")
                        .orElse(occurredAt)
                        .plus(pastDueGrace));
        case "unpaid" -> Observation.of(SubscriptionStatus.PAST_DUE).withGraceEnd(occurredAt);
        case "paused" -> Observation.of(SubscriptionStatus.EXPIRED).withEnd(occurredAt);
        default ->
            throw new InvalidNotificationException("Unknown Stripe subscription status " + status);
      };
    }

    private Observation active(JsonObject subscription) {
      Optional<Instant> periodEnd = period(subscription, "current_period_end");
      Optional<Instant> cancelAt = epochSeconds(subscription, "cancel_at");
      boolean cancelAtPeriodEnd = bool(subscription, "cancel_at_period_end").orElse(false);
      if (cancelAtPeriodEnd || cancelAt.isPresent()) {
        return Observation.of(SubscriptionStatus.CANCELED)
            .withEnd(cancelAt.or(() -> periodEnd).orElse(null))
            .withCancellation(epochSeconds(subscription, "canceled_at").orElse(null));
      }
      return Observation.of(SubscriptionStatus.ACTIVE).withRenewal(periodEnd.orElse(null));
    }

    private ProviderEvent event(
        String subscription, Optional<UUID> accountToken, Optional<Observation> observation) {
      return new ProviderEvent(
          new ProviderSubscriptionRef(PaymentProvider.STRIPE, subscription),
          notification.eventId(),
          notification.type(),
          notification.occurredAt(),
          accountToken,
          observation);
    }
  }

  /**
   * A period boundary: on subscription items since API version 2025-03-31 (the latest over the
   * items), on the subscription itself before.
   */
  private static Optional<Instant> period(JsonObject subscription, String field) {
    Optional<Instant> fromItems =
        items(subscription).stream()
            .map(item -> epochSeconds(item, field))
            .flatMap(Optional::stream)
            .max(Comparator.naturalOrder());
    return fromItems.or(() -> epochSeconds(subscription, field));
  }

  private static List<JsonObject> items(JsonObject subscription) {
    return object(subscription, "items").map(items -> objects(items, "data")).orElse(List.of());
  }

  private static String subscriptionProduct(JsonObject subscription) {
    return items(subscription).stream()
        .findFirst()
        .flatMap(item -> object(item, "price"))
        .flatMap(price -> string(price, "id"))
        .orElse(null);
  }

  private static List<JsonObject> lines(JsonObject invoice) {
    return object(invoice, "lines").map(lines -> objects(lines, "data")).orElse(List.of());
  }

  private static Instant linesEnd(JsonObject invoice) {
    return lines(invoice).stream()
        .map(line -> object(line, "period").flatMap(period -> epochSeconds(period, "end")))
        .flatMap(Optional::stream)
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  /** The first line's price: under {@code pricing} since 2025-03-31, {@code price} before. */
  private static String invoiceProduct(JsonObject invoice) {
    return lines(invoice).stream()
        .findFirst()
        .flatMap(
            line ->
                object(line, "pricing")
                    .flatMap(pricing -> object(pricing, "price_details"))
                    .flatMap(details -> idOf(details, "price"))
                    .or(() -> idOf(line, "price")))
        .orElse(null);
  }

  private static boolean isFreeCreationInvoice(JsonObject invoice) {
    return billingReason(invoice).equals("subscription_create")
        && number(invoice, "amount_paid").orElse(0L) == 0L;
  }

  private static String billingReason(JsonObject invoice) {
    return string(invoice, "billing_reason").orElse("");
  }

  private static Optional<UUID> userOf(JsonObject holder) {
    return JsonFields.accountToken(
        object(holder, "metadata").flatMap(metadata -> string(metadata, METADATA_USER)));
  }

  /** A reference Stripe writes as an id or, when expanded, as the object carrying its id. */
  private static Optional<String> idOf(JsonObject holder, String key) {
    return value(holder, key)
        .map(
            value ->
                switch (value.getValueType()) {
                  case STRING -> ((JsonString) value).getString();
                  case OBJECT -> requiredString(value.asJsonObject(), "id");
                  default ->
                      throw new InvalidNotificationException(key + " has an unexpected type");
                })
        .filter(id -> !id.isBlank());
  }
}
