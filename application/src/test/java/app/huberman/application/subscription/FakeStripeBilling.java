package app.huberman.application.subscription;

import app.huberman.application.shared.ProviderUnavailableException;
import app.huberman.application.subscription.port.in.BillingPortalSession;
import app.huberman.application.subscription.port.in.CheckoutSession;
import app.huberman.application.subscription.port.out.StripeBillingPort;
import app.huberman.domain.user.Email;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stripe as the billing port sees it: customers by idempotency key (as Stripe answers a repeated
 * key), customers deleted in the dashboard, and an outage.
 */
final class FakeStripeBilling implements StripeBillingPort {

  /** What a Checkout Session was created with. */
  record CheckoutCall(String customer, String price, UUID accountToken) {}

  static final Instant EXPIRES_AT = Instant.parse("2026-11-27T10:00:00Z");

  private final Map<String, String> customersByKey = new HashMap<>();
  private final Set<String> deleted = new HashSet<>();
  private final List<String> customerEmails = new ArrayList<>();
  final List<CheckoutCall> checkouts = new ArrayList<>();
  final List<String> portals = new ArrayList<>();
  private boolean down;

  @Override
  public String createCustomer(UUID accountToken, Email email, String idempotencyKey) {
    failIfDown();
    return customersByKey.computeIfAbsent(
        idempotencyKey,
        key -> {
          customerEmails.add(email.value());
          return "cus_" + (customersByKey.size() + 1);
        });
  }

  @Override
  public CheckoutSession createCheckoutSession(
      String customerId, String priceId, UUID accountToken) {
    failIfDown();
    requireKnown(customerId);
    checkouts.add(new CheckoutCall(customerId, priceId, accountToken));
    String id = "cs_test_" + checkouts.size();
    return new CheckoutSession(
        id, URI.create("https://checkout.stripe.com/c/pay/" + id), EXPIRES_AT);
  }

  @Override
  public BillingPortalSession createPortalSession(String customerId) {
    failIfDown();
    requireKnown(customerId);
    portals.add(customerId);
    return new BillingPortalSession(
        URI.create("https://billing.stripe.com/p/session/" + portals.size()));
  }

  /** Customers created so far, whatever became of them. */
  int customersCreated() {
    return customerEmails.size();
  }

  void deleteInDashboard(String customerId) {
    deleted.add(customerId);
  }

  void goDown() {
    down = true;
  }

  private void requireKnown(String customerId) {
    if (deleted.contains(customerId) || !customersByKey.containsValue(customerId)) {
      throw new UnknownStripeCustomerException(customerId);
    }
  }

  private void failIfDown() {
    if (down) {
      throw new ProviderUnavailableException("The Stripe API answered HTTP 503");
    }
  }
}
