package app.huberman.domain.subscription;

/** Identifies a plan; assigned by the store. */
public record PlanId(long value) {

  public PlanId {
    if (value <= 0) {
      throw new IllegalArgumentException("A plan id is positive: " + value);
    }
  }

  public static PlanId of(long value) {
    return new PlanId(value);
  }
}
