package app.huberman.adapters.payments.stripe;

import app.huberman.adapters.payments.JsonFields;
import app.huberman.adapters.payments.ProviderHttp;
import app.huberman.adapters.payments.stripe.StripeApi.StripeRefusal;
import app.huberman.application.shared.ProviderUnavailableException;
import app.huberman.application.subscription.port.in.BillingPortalSession;
import app.huberman.application.subscription.port.in.CheckoutSession;
import app.huberman.application.subscription.port.out.StripeBillingPort;
import app.huberman.domain.user.Email;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Customers, Checkout Sessions and Customer Portal sessions on Stripe's API. The account's UUID
 * goes into the session's {@code client_reference_id} and into the metadata of the customer and of
 * the subscription Checkout creates, which is where {@link StripeEventMapper} finds the account
 * again.
 */
public final class StripeBilling implements StripeBillingPort {

  private final StripeApi api;
  private final StripeApiSettings settings;

  StripeBilling(StripeApi api, StripeApiSettings settings) {
    this.api = api;
    this.settings = settings;
  }

  public static StripeBilling create(StripeApiSettings settings) {
    return new StripeBilling(
        new StripeApi(ProviderHttp.create(), settings, duration -> Thread.sleep(duration)),
        settings);
  }

  /** Whether a secret key is set; without one every call is unavailable. */
  public boolean configured() {
    return settings.secretKey().isPresent();
  }

  @Override
  public String createCustomer(UUID accountToken, Email email, String idempotencyKey) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("email", email.value());
    form.put("metadata[" + StripeEventMapper.METADATA_USER + "]", accountToken.toString());
    JsonObject customer = call("/v1/customers", form, idempotencyKey, "create a customer");
    return required(customer, "id", "create a customer");
  }

  @Override
  public CheckoutSession createCheckoutSession(
      String customerId, String priceId, UUID accountToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("mode", "subscription");
    form.put("customer", customerId);
    form.put("client_reference_id", accountToken.toString());
    form.put("line_items[0][price]", priceId);
    form.put("line_items[0][quantity]", "1");
    form.put("success_url", settings.successUrl());
    form.put("cancel_url", settings.cancelUrl());
    form.put("metadata[" + StripeEventMapper.METADATA_USER + "]", accountToken.toString());
    form.put(
        "subscription_data[metadata][" + StripeEventMapper.METADATA_USER + "]",
        accountToken.toString());
    String what = "create a Checkout Session";
    JsonObject session = withCustomer(customerId, "/v1/checkout/sessions", form, what);
    return new CheckoutSession(
        required(session, "id", what),
        URI.create(required(session, "url", what)),
        JsonFields.epochSeconds(session, "expires_at")
            .orElseThrow(() -> unreadable(what, "expires_at")));
  }

  @Override
  public BillingPortalSession createPortalSession(String customerId) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("customer", customerId);
    form.put("return_url", settings.portalReturnUrl());
    String what = "create a Customer Portal session";
    JsonObject session = withCustomer(customerId, "/v1/billing_portal/sessions", form, what);
    return new BillingPortalSession(URI.create(required(session, "url", what)));
  }

  private JsonObject withCustomer(
      String customerId, String path, Map<String, String> form, String what) {
    try {
      return api.post(path, form, UUID.randomUUID().toString(), what);
    } catch (StripeRefusal refusal) {
      if (refusal.isMissing("customer")) {
        throw new UnknownStripeCustomerException(customerId);
      }
      throw unavailable(refusal);
    }
  }

  private JsonObject call(String path, Map<String, String> form, String key, String what) {
    try {
      return api.post(path, form, key, what);
    } catch (StripeRefusal refusal) {
      throw unavailable(refusal);
    }
  }

  /**
   * A refusal retrying cannot change (a price Stripe does not know, a parameter it rejects) is our
   * configuration's fault, not the user's: the user can only try again later, once it is fixed.
   */
  private static ProviderUnavailableException unavailable(StripeRefusal refusal) {
    return new ProviderUnavailableException(refusal.getMessage(), refusal);
  }

  private static String required(JsonObject object, String field, String what) {
    return JsonFields.string(object, field)
        .filter(value -> !value.isBlank())
        .orElseThrow(() -> unreadable(what, field));
  }

  private static ProviderUnavailableException unreadable(String what, String field) {
    return new ProviderUnavailableException(
        "The Stripe API's answer (" + what + ") has no " + field);
  }
}
