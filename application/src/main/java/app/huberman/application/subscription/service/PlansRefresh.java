package app.huberman.application.subscription.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the plan catalogue is served from memory before PostgreSQL is read again ({@code
 * PLANS_REFRESH}). Zero keeps nothing: every request reads the database, as before the catalogue
 * was kept.
 *
 * @param every the longest time a change made straight in the database takes to be served
 */
public record PlansRefresh(Duration every) {

  public PlansRefresh {
    Objects.requireNonNull(every, "every");
    if (every.isNegative()) {
      throw new IllegalArgumentException("PLANS_REFRESH cannot be negative, not '" + every + "'");
    }
  }

  /** Whether the catalogue is kept at all. */
  public boolean keepsPlans() {
    return !every.isZero();
  }
}
