package app.huberman.domain.subscription;

public record SubscriptionId(long value) {

  public SubscriptionId {
    if (value <= 0) {
      throw new IllegalArgumentException("A subscription id is positive: " + value);
    }
  }
}
