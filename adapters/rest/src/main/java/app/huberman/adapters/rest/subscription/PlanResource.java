package app.huberman.adapters.rest.subscription;

import app.huberman.adapters.rest.common.EntityTags;
import app.huberman.application.subscription.port.in.ListPlansUseCase;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /api/v1/plans}: the plans on offer, cheapest first. Public, and cacheable for five
 * minutes; its {@code ETag} lets an app ask again with {@code If-None-Match} and get a {@code 304}
 * without the body while nothing changed. {@code If-None-Match} is read here ({@link EntityTags})
 * rather than by JAX-RS's precondition check, which throws on a malformed header.
 */
@Path("v1/plans")
@Dependent
public class PlanResource {

  static final int MAX_AGE_SECONDS = 300;

  private final ListPlansUseCase listPlans;

  @Inject
  public PlanResource(ListPlansUseCase listPlans) {
    this.listPlans = Objects.requireNonNull(listPlans, "listPlans");
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response list(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    List<PlanResponse> plans =
        listPlans.listActivePlans().stream().map(PlanResponse::from).toList();
    String version = versionOf(plans);
    CacheControl cache = new CacheControl();
    cache.setMaxAge(MAX_AGE_SECONDS);
    cache.setNoTransform(false);
    Response.ResponseBuilder answer =
        EntityTags.matches(ifNoneMatch, version) ? Response.notModified() : Response.ok(plans);
    return answer.tag(new EntityTag(version)).cacheControl(cache).build();
  }

  /** A digest of every field the answer shows, so any change to a plan changes the tag. */
  static String versionOf(List<PlanResponse> plans) {
    return EntityTags.digest(plans.toString().getBytes(StandardCharsets.UTF_8));
  }
}
