package app.huberman.adapters.payments.stripe;

import app.huberman.adapters.payments.ProviderHttp;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How the app calls Stripe's API for web purchases.
 *
 * @param secretKey the account's secret key ({@code sk_...}, STRIPE_SECRET_KEY); while it is unset,
 *     checkout and portal answer 503
 * @param apiUrl Stripe's API (STRIPE_API_URL; a local fake in tests)
 * @param successUrl where Checkout sends the user after paying (CHECKOUT_SUCCESS_URL); Stripe
 *     replaces {@value #SESSION_ID_TEMPLATE} in it with the session's id
 * @param cancelUrl where Checkout sends the user who goes back (CHECKOUT_CANCEL_URL)
 * @param portalReturnUrl where the Customer Portal's "return" link goes (PORTAL_RETURN_URL)
 */
public record StripeApiSettings(
    Optional<String> secretKey,
    URI apiUrl,
    String successUrl,
    String cancelUrl,
    String portalReturnUrl) {

  public static final String SESSION_ID_TEMPLATE = "{CHECKOUT_SESSION_ID}";

  public StripeApiSettings {
    Objects.requireNonNull(secretKey, "secretKey");
    secretKey = secretKey.map(String::strip).filter(key -> !key.isEmpty());
    ProviderHttp.requireHttp(apiUrl, "STRIPE_API_URL");
    requireHttpUrl(successUrl, "CHECKOUT_SUCCESS_URL");
    requireHttpUrl(cancelUrl, "CHECKOUT_CANCEL_URL");
    requireHttpUrl(portalReturnUrl, "PORTAL_RETURN_URL");
  }

  public StripeApiSettings withApiUrl(URI url) {
    return new StripeApiSettings(secretKey, url, successUrl, cancelUrl, portalReturnUrl);
  }

  /** An absolute http(s) URL, once Stripe's template in it is filled. */
  private static void requireHttpUrl(String url, String name) {
    Objects.requireNonNull(url, name);
    URI parsed;
    try {
      parsed = URI.create(url.replace(SESSION_ID_TEMPLATE, "cs_example"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " is not a URL: " + url, e);
    }
    ProviderHttp.requireHttp(parsed, name);
  }

  @Override
  public String toString() {
    return "StripeApiSettings[secretKey="
        + (secretKey.isPresent() ? "(set)" : "(unset)")
        + ", apiUrl="
        + apiUrl
        + ", successUrl="
        + successUrl
        + ", cancelUrl="
        + cancelUrl
        + ", portalReturnUrl="
        + portalReturnUrl
        + "]";
  }
}
