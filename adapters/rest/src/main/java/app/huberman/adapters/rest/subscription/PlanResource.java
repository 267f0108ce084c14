package app.huberman.adapters.rest.subscription;

import app.huberman.application.subscription.port.in.ListPlansUseCase;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Objects;

/** {@code GET /api/v1/plans}: the plans on offer, cheapest first. Public. */
@Path("v1/plans")
@Dependent
public class PlanResource {

  private final ListPlansUseCase listPlans;

  @Inject
  public PlanResource(ListPlansUseCase listPlans) {
    this.listPlans = Objects.requireNonNull(listPlans, "listPlans");
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<PlanResponse> list() {
    return listPlans.listActivePlans().stream().map(PlanResponse::from).toList();
  }
}
