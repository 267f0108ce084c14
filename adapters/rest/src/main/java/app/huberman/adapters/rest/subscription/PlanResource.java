package app.huberman.adapters.rest.subscription;

import app.huberman.application.subscription.port.in.ListPlansUseCase;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /api/v1/plans}: the plans on offer, cheapest first. Public, and cacheable for five
 * minutes; its {@code ETag} lets an app ask again with {@code If-None-Match} and get a {@code 304}
 * without the body while nothing changed.
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
  public Response list(@Context Request request) {
    List<PlanResponse> plans =
        listPlans.listActivePlans().stream().map(PlanResponse::from).toList();
    EntityTag tag = tagOf(plans);
    CacheControl cache = new CacheControl();
    cache.setMaxAge(MAX_AGE_SECONDS);
    cache.setNoTransform(false);
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(plans);
    return answer.tag(tag).cacheControl(cache).build();
  }

  /** A digest of every field the answer shows, so any change to a plan changes the tag. */
  static EntityTag tagOf(List<PlanResponse> plans) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(plans.toString().getBytes(StandardCharsets.UTF_8));
      return new EntityTag(HexFormat.of().formatHex(digest, 0, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }
}
