package app.huberman.adapters.rest.subscription;

import app.huberman.adapters.rest.common.Caller;
import app.huberman.adapters.rest.common.ClientAddresses;
import app.huberman.adapters.rest.common.NoStore;
import app.huberman.adapters.rest.common.RequiresAuthentication;
import app.huberman.adapters.rest.subscription.SubscriptionResponses.SubscriptionBody;
import app.huberman.application.shared.ValidationException;
import app.huberman.application.shared.Violations;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.in.SandboxPurchaseRefusedException;
import app.huberman.application.subscription.port.in.VerifyPurchaseUseCase;
import app.huberman.domain.subscription.ClientPurchase;
import app.huberman.domain.user.UserId;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Objects;

/**
 * The app reports a purchase right after it happens; the server verifies it with the provider and
 * binds it to the caller. A purchase that does not verify, or a sandbox purchase the sandbox access
 * rule refuses the caller, is a 422 on the field that carried it.
 */
@Path("v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresAuthentication
@NoStore
@Dependent
public class PurchaseVerificationResource {

  /** {@code POST /api/v1/subscriptions/apple/verify}. */
  public record AppleVerifyRequest(String signedTransaction) {}

  /** {@code POST /api/v1/subscriptions/google/verify}. */
  public record GoogleVerifyRequest(String purchaseToken, String productId) {}

  private final VerifyPurchaseUseCase purchases;
  private final ClientAddresses clients;

  @Inject
  public PurchaseVerificationResource(VerifyPurchaseUseCase purchases, ClientAddresses clients) {
    this.purchases = Objects.requireNonNull(purchases, "purchases");
    this.clients = Objects.requireNonNull(clients, "clients");
  }

  @POST
  @Path("apple/verify")
  public SubscriptionBody verifyApple(
      AppleVerifyRequest body,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    Violations violations = new Violations();
    String signed =
        violations.required("signed_transaction", body == null ? null : body.signedTransaction());
    violations.throwIfAny();
    return verify(
        Caller.of(security).userId(),
        new ClientPurchase.AppleTransaction(signed),
        "signed_transaction",
        clients.of(http));
  }

  @POST
  @Path("google/verify")
  public SubscriptionBody verifyGoogle(
      GoogleVerifyRequest body,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    Violations violations = new Violations();
    String token =
        violations.required("purchase_token", body == null ? null : body.purchaseToken());
    String product = violations.required("product_id", body == null ? null : body.productId());
    violations.throwIfAny();
    return verify(
        Caller.of(security).userId(),
        new ClientPurchase.GooglePurchase(token, product),
        "purchase_token",
        clients.of(http));
  }

  private SubscriptionBody verify(
      UserId caller, ClientPurchase purchase, String field, String clientIp) {
    try {
      return SubscriptionResponses.from(purchases.verify(caller, purchase, clientIp));
    } catch (InvalidNotificationException e) {
      throw ValidationException.of(field, "The purchase could not be verified: " + e.getMessage());
    } catch (SandboxPurchaseRefusedException e) {
      throw ValidationException.of(field, e.getMessage());
    }
  }
}
