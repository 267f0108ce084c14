package app.huberman.domain.subscription;

import java.util.Optional;

/**
 * The identifiers under which each payment provider sells a plan. A plan that a provider does not
 * sell has no identifier there.
 *
 * @param stripePriceId Stripe price id ({@code price_...})
 * @param appleProductId App Store product id
 * @param googleProductId Google Play subscription product id
 */
public record ProviderProductIds(
    Optional<String> stripePriceId,
    Optional<String> appleProductId,
    Optional<String> googleProductId) {

  public static final ProviderProductIds NONE =
      new ProviderProductIds(Optional.empty(), Optional.empty(), Optional.empty());

  public ProviderProductIds {
    stripePriceId = nonBlank(stripePriceId);
    appleProductId = nonBlank(appleProductId);
    googleProductId = nonBlank(googleProductId);
  }

  public static ProviderProductIds of(
      String stripePriceId, String appleProductId, String googleProductId) {
    return new ProviderProductIds(
        Optional.ofNullable(stripePriceId),
        Optional.ofNullable(appleProductId),
        Optional.ofNullable(googleProductId));
  }

  private static Optional<String> nonBlank(Optional<String> id) {
    return id == null ? Optional.empty() : id.filter(value -> !value.isBlank());
  }
}
