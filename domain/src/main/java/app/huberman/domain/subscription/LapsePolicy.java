package app.huberman.domain.subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long an {@code active} subscription keeps access once its paid-up period has ended with no
 * word of a renewal. Providers normally report a renewal (or its failure) around {@code renewsAt};
 * when that report never comes, access must not go on for ever on our side, so it lapses {@code
 * grace} after {@code renewsAt} (SUBSCRIPTION_LAPSE_GRACE). A renewal reported later still applies
 * and restores access.
 *
 * <p>The one place that decides the lapse: every rule that asks "does this active subscription
 * still grant access?" takes this policy. A {@link Environment#SANDBOX sandbox} subscription gets
 * no grace: it cost nothing, and sandbox renewals come minutes apart.
 */
public record LapsePolicy(Duration grace) {

  public static final Duration DEFAULT_GRACE = Duration.ofDays(3);

  public LapsePolicy {
    Objects.requireNonNull(grace, "grace");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("The lapse grace cannot be negative: " + grace);
    }
  }

  public static LapsePolicy defaults() {
    return new LapsePolicy(DEFAULT_GRACE);
  }

  /** The grace of a subscription of this environment. */
  public Duration graceFor(Environment environment) {
    return environment == Environment.SANDBOX ? Duration.ZERO : grace;
  }

  /** When an active subscription that was paid up until {@code renewsAt} loses access. */
  public Instant lapsesAt(Instant renewsAt, Environment environment) {
    return renewsAt.plus(graceFor(environment));
  }

  /**
   * The latest renewal date with which an active subscription of this environment has lapsed by
   * {@code now}: the form the stores' queries compare {@code renews_at} with.
   */
  public Instant lapsedIfRenewedBy(Instant now, Environment environment) {
    return now.minus(graceFor(environment));
  }
}
