package app.huberman.application.subscription.port.out;

import app.huberman.domain.subscription.NoticeOccasion;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** A notice recorded for a subscription's owner, which jobs deliver by each channel. */
public record StoredNotice(
    long id,
    SubscriptionId subscription,
    UserId user,
    PaymentProvider provider,
    NoticeOccasion occasion,
    Instant recordedAt) {

  public StoredNotice {
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(occasion, "occasion");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }
}
