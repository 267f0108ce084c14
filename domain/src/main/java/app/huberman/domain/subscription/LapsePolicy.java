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
 * still grant access?" takes this policy.
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

  /** When an active subscription that was paid up until {@code renewsAt} loses access. */
  public Instant lapsesAt(Instant renewsAt) {
    return renewsAt.plus(grace);
  }
}
