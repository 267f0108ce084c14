package app.huberman.application.subscription.port.in;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A Stripe Checkout Session to send the user to.
 *
 * @param id Stripe's id ({@code cs_...})
 * @param url the page where the user pays
 * @param expiresAt when the page stops accepting payment
 */
public record CheckoutSession(String id, URI url, Instant expiresAt) {

  public CheckoutSession {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
