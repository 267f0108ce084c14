package app.huberman.adapters.rest.subscription;

import app.huberman.adapters.rest.common.Caller;
import app.huberman.adapters.rest.common.NoStore;
import app.huberman.adapters.rest.common.RequiresAuthentication;
import app.huberman.adapters.rest.subscription.SubscriptionResponses.EntitlementResponse;
import app.huberman.adapters.rest.subscription.SubscriptionResponses.SubscriptionBody;
import app.huberman.application.subscription.port.in.ViewSubscriptionUseCase;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Objects;

/** What the signed-in user has: their subscription and what it entitles them to. */
@Path("v1/user")
@Produces(MediaType.APPLICATION_JSON)
@RequiresAuthentication
@NoStore
@Dependent
public class SubscriptionResource {

  private final ViewSubscriptionUseCase subscriptions;

  @Inject
  public SubscriptionResource(ViewSubscriptionUseCase subscriptions) {
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
  }

  @GET
  @Path("subscription")
  public SubscriptionBody subscription(@Context SecurityContext security) {
    return SubscriptionResponses.from(
        subscriptions.currentSubscription(Caller.of(security).userId()));
  }

  @GET
  @Path("entitlements")
  public EntitlementResponse entitlements(@Context SecurityContext security) {
    return EntitlementResponse.from(subscriptions.entitlements(Caller.of(security).userId()));
  }
}
