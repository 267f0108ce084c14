package app.huberman.domain.subscription;

import java.util.Locale;

/**
 * Where a subscription stands. Whether it grants premium access also depends on time (a grace
 * period or a paid-up period running out), so see {@link Subscription#grantsAccessAt}.
 */
public enum SubscriptionStatus {
  /** Started but not paid for yet. */
  INCOMPLETE,
  /** In a free trial until {@code trialEndsAt}. */
  TRIALING,
  /** Paid up; renews at {@code renewsAt}. */
  ACTIVE,
  /** A renewal payment failed; access continues until {@code graceEndsAt}. */
  PAST_DUE,
  /** Will not renew; access continues until {@code endsAt}. */
  CANCELED,
  /** Over: no access. */
  EXPIRED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SubscriptionStatus fromKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
