package app.huberman.application.subscription.port.in;

import java.net.URI;
import java.util.Objects;

/**
 * A Stripe Customer Portal session to send the user to.
 *
 * @param url the portal page, valid for a few minutes and for one visit
 */
public record BillingPortalSession(URI url) {

  public BillingPortalSession {
    Objects.requireNonNull(url, "url");
  }
}
