package app.huberman.domain.subscription;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider says the whole state of a subscription was at one moment. Providers report full
 * state (Stripe's subscription object, the App Store's transaction and renewal info, the Play
 * Developer API's answer), so the newest observation alone decides the state: that is what makes
 * applying events in any order converge.
 *
 * @param productId the provider's product or price id, mapped to a plan by the application
 * @param renewsAt the end of the paid-up period when the subscription will renew
 * @param endsAt when access ends for a subscription that will not renew (or has ended)
 * @param graceEndsAt for {@code PAST_DUE}: until when access continues while payment is retried
 * @param revocation a refund or revocation: the only observation that may move {@code endsAt} back
 */
public record Observation(
    SubscriptionStatus status,
    Optional<String> productId,
    Optional<Instant> trialEndsAt,
    Optional<Instant> renewsAt,
    Optional<Instant> endsAt,
    Optional<Instant> graceEndsAt,
    Optional<Instant> canceledAt,
    boolean revocation) {

  public Observation {
    Objects.requireNonNull(status, "status");
    productId = productId.filter(id -> !id.isBlank());
    Objects.requireNonNull(trialEndsAt, "trialEndsAt");
    Objects.requireNonNull(renewsAt, "renewsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    Objects.requireNonNull(graceEndsAt, "graceEndsAt");
    Objects.requireNonNull(canceledAt, "canceledAt");
    if (revocation && status != SubscriptionStatus.EXPIRED) {
      throw new IllegalArgumentException("A refund or revocation ends the subscription");
    }
  }

  /** Starts an observation of the given status; the {@code with...} methods add the dates. */
  public static Observation of(SubscriptionStatus status) {
    return new Observation(
        status,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false);
  }

  public Observation withProduct(String id) {
    return new Observation(
        status,
        Optional.ofNullable(id),
        trialEndsAt,
        renewsAt,
        endsAt,
        graceEndsAt,
        canceledAt,
        revocation);
  }

  public Observation withTrialEnd(Instant at) {
    return new Observation(
        status,
        productId,
        Optional.ofNullable(at),
        renewsAt,
        endsAt,
        graceEndsAt,
        canceledAt,
        revocation);
  }

  public Observation withRenewal(Instant at) {
    return new Observation(
        status,
        productId,
        trialEndsAt,
        Optional.ofNullable(at),
        endsAt,
        graceEndsAt,
        canceledAt,
        revocation);
  }

  public Observation withEnd(Instant at) {
    return new Observation(
        status,
        productId,
        trialEndsAt,
        renewsAt,
        Optional.ofNullable(at),
        graceEndsAt,
        canceledAt,
        revocation);
  }

  public Observation withGraceEnd(Instant at) {
    return new Observation(
        status,
        productId,
        trialEndsAt,
        renewsAt,
        endsAt,
        Optional.ofNullable(at),
        canceledAt,
        revocation);
  }

  public Observation withCancellation(Instant at) {
    return new Observation(
        status,
        productId,
        trialEndsAt,
        renewsAt,
        endsAt,
        graceEndsAt,
        Optional.ofNullable(at),
        revocation);
  }

  /** A refund or revocation: access ends at {@code at}, even if that is earlier than before. */
  public static Observation revoked(Instant at) {
    return new Observation(
        SubscriptionStatus.EXPIRED,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(at),
        Optional.empty(),
        Optional.of(at),
        true);
  }
}
