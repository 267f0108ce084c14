package app.huberman.adapters.payments.stripe;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How Stripe webhooks are checked and read.
 *
 * @param webhookSecret the endpoint's signing secret ({@code whsec_...}, STRIPE_WEBHOOK_SECRET);
 *     webhooks are refused while it is unset
 * @param tolerance how far a signature's timestamp may be from our clock, either way (Stripe's own
 *     libraries use five minutes); bounds replays of a captured request
 * @param pastDueGrace how long access continues after a renewal payment fails when Stripe does not
 *     say when it will retry
 */
public record StripeSettings(
    Optional<String> webhookSecret, Duration tolerance, Duration pastDueGrace) {

  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
  public static final Duration DEFAULT_PAST_DUE_GRACE = Duration.ofDays(7);

  public StripeSettings {
    Objects.requireNonNull(webhookSecret, "webhookSecret");
    Objects.requireNonNull(tolerance, "tolerance");
    Objects.requireNonNull(pastDueGrace, "pastDueGrace");
    webhookSecret = webhookSecret.map(String::strip).filter(secret -> !secret.isEmpty());
    if (tolerance.isNegative() || tolerance.isZero()) {
      throw new IllegalArgumentException("The signature tolerance must be positive");
    }
    if (pastDueGrace.isNegative()) {
      throw new IllegalArgumentException("The past-due grace cannot be negative");
    }
  }

  /** The given secret (may be empty) with the default tolerance and grace. */
  public static StripeSettings of(Optional<String> webhookSecret) {
    return new StripeSettings(webhookSecret, DEFAULT_TOLERANCE, DEFAULT_PAST_DUE_GRACE);
  }

  @Override
  public String toString() {
    return "StripeSettings[webhookSecret="
        + (webhookSecret.isPresent() ? "(set)" : "(unset)")
        + ", tolerance="
        + tolerance
        + ", pastDueGrace="
        + pastDueGrace
        + "]";
  }
}
