package app.huberman.domain.subscription;

import java.util.Objects;

/**
 * A subscription as the provider names it: Stripe's subscription id, the App Store's original
 * transaction id, Google Play's purchase token. Unique per provider, so a webhook and the client's
 * own report of the same purchase always meet on the same row.
 */
public record ProviderSubscriptionRef(PaymentProvider provider, String id) {

  public ProviderSubscriptionRef {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(id, "id");
    if (id.isBlank() || id.length() > 512) {
      throw new IllegalArgumentException("A provider subscription id is 1 to 512 characters");
    }
  }

  @Override
  public String toString() {
    return provider.key() + ":" + id;
  }
}
