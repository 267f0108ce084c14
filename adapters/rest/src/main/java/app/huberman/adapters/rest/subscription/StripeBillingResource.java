package app.huberman.adapters.rest.subscription;

import app.huberman.adapters.rest.common.Caller;
import app.huberman.adapters.rest.common.NoStore;
import app.huberman.adapters.rest.common.RequiresAuthentication;
import app.huberman.application.shared.Violations;
import app.huberman.application.subscription.port.in.BillingPortalSession;
import app.huberman.application.subscription.port.in.CheckoutSession;
import app.huberman.application.subscription.port.in.OpenBillingPortalUseCase;
import app.huberman.application.subscription.port.in.StartCheckoutUseCase;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.Objects;

/**
 * Buying premium on the web, and managing that purchase: the app or web page opens the URL it gets
 * (Stripe Checkout, the Customer Portal); Stripe's webhooks then report the subscription.
 */
@Path("v1/subscriptions/stripe")
@Produces(MediaType.APPLICATION_JSON)
@RequiresAuthentication
@NoStore
@Dependent
public class StripeBillingResource {

  /** {@code POST /api/v1/subscriptions/stripe/checkout}. */
  public record CheckoutRequest(String plan) {}

  /** A Checkout Session: where to send the user, and until when it takes payment. */
  public record CheckoutResponse(String id, String url, Instant expiresAt) {

    static CheckoutResponse from(CheckoutSession session) {
      return new CheckoutResponse(session.id(), session.url().toString(), session.expiresAt());
    }
  }

  /** A Customer Portal session: where to send the user. */
  public record PortalResponse(String url) {

    static PortalResponse from(BillingPortalSession session) {
      return new PortalResponse(session.url().toString());
    }
  }

  private final StartCheckoutUseCase checkout;
  private final OpenBillingPortalUseCase portal;

  @Inject
  public StripeBillingResource(StartCheckoutUseCase checkout, OpenBillingPortalUseCase portal) {
    this.checkout = Objects.requireNonNull(checkout, "checkout");
    this.portal = Objects.requireNonNull(portal, "portal");
  }

  @POST
  @Path("checkout")
  @Consumes(MediaType.APPLICATION_JSON)
  public CheckoutResponse checkout(CheckoutRequest body, @Context SecurityContext security) {
    Violations violations = new Violations();
    String plan = violations.required("plan", body == null ? null : body.plan());
    violations.throwIfAny();
    return CheckoutResponse.from(checkout.start(Caller.of(security).userId(), plan));
  }

  /** Takes no body; one sent is ignored, whatever its type. */
  @POST
  @Path("portal")
  @Consumes(MediaType.WILDCARD)
  public PortalResponse portal(@Context SecurityContext security) {
    return PortalResponse.from(portal.open(Caller.of(security).userId()));
  }
}
