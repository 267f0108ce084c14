package app.huberman.application.subscription.service;

import app.huberman.application.shared.ProviderUnavailableException;
import app.huberman.application.subscription.port.out.StripeBillingPort;
import app.huberman.application.subscription.port.out.StripeBillingPort.UnknownStripeCustomerException;
import app.huberman.domain.subscription.PaymentProvider;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a user manages a subscription, as a notice links it: the App Store's subscriptions page,
 * Google Play's subscription centre for the product, or a Stripe Customer Portal session.
 */
public final class ManageLinks {

  static final String APP_STORE = "https://apps.apple.com/account/subscriptions";
  static final String GOOGLE_PLAY = "https://play.google.com/store/account/subscriptions";

  private final StripeBillingPort stripe;
  private final Optional<String> googlePackage;

  /**
   * @param googlePackage the app's package name (GOOGLE_PACKAGE_NAME), which Play's deep link to a
   *     product needs
   */
  public ManageLinks(StripeBillingPort stripe, Optional<String> googlePackage) {
    this.stripe = Objects.requireNonNull(stripe, "stripe");
    this.googlePackage = Objects.requireNonNull(googlePackage, "googlePackage");
  }

  /**
   * The link for a subscription of this provider and product; empty when there is none to give (no
   * Stripe customer, or Stripe cannot make a portal session now: the notice goes without it). Asks
   * Stripe: call it outside any transaction.
   *
   * @param stripeCustomer the owner's Stripe customer, for a Stripe subscription
   */
  public Optional<String> of(
      PaymentProvider provider, Optional<String> productId, Optional<String> stripeCustomer) {
    return switch (provider) {
      case APPLE -> Optional.of(APP_STORE);
      case GOOGLE -> Optional.of(googlePlay(productId));
      case STRIPE -> stripeCustomer.flatMap(this::stripePortal);
    };
  }

  private String googlePlay(Optional<String> productId) {
    if (productId.isEmpty() || googlePackage.isEmpty()) {
      return GOOGLE_PLAY;
    }
    return GOOGLE_PLAY
        + "?sku="
        + URLEncoder.encode(productId.get(), StandardCharsets.UTF_8)
        + "&package="
        + URLEncoder.encode(googlePackage.get(), StandardCharsets.UTF_8);
  }

  private Optional<String> stripePortal(String customer) {
    try {
      return Optional.of(stripe.createPortalSession(customer).url().toString());
    } catch (UnknownStripeCustomerException | ProviderUnavailableException noLink) {
      return Optional.empty();
    }
  }
}
