package app.huberman.domain.subscription;

/** How often a plan is billed. The free plan is never billed. */
public enum BillingInterval {
  NONE,
  MONTH,
  YEAR
}
