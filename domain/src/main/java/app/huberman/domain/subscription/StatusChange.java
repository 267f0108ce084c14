package app.huberman.domain.subscription;

import java.util.Objects;

/** A subscription moved from one status to another. */
public record StatusChange(SubscriptionStatus from, SubscriptionStatus to) {

  public StatusChange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}
