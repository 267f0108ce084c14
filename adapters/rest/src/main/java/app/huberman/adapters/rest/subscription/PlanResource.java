package app.huberman.adapters.rest.subscription;

import app.huberman.adapters.rest.common.EntityTags;
import app.huberman.adapters.rest.common.JsonConfiguration;
import app.huberman.application.subscription.port.in.ListPlansUseCase;
import app.huberman.domain.subscription.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
 *
 * <p>The use case answers the same list while the catalogue is unchanged, so the JSON and its
 * headers are computed once per catalogue and the request only compares tags and writes bytes.
 */
@Path("v1/plans")
@ApplicationScoped
public class PlanResource {

  static final int MAX_AGE_SECONDS = 300;

  /** Written as text, as the tag is: no header delegate runs per request. */
  private static final String CACHE_CONTROL = "max-age=" + MAX_AGE_SECONDS;

  private ListPlansUseCase listPlans;

  /** The answer to the last catalogue seen; replaced whole, so a plain volatile suffices. */
  private volatile Rendered rendered;

  /** For the CDI proxy only. */
  protected PlanResource() {}

  @Inject
  public PlanResource(ListPlansUseCase listPlans) {
    this.listPlans = Objects.requireNonNull(listPlans, "listPlans");
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response list(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    Rendered answer = renderedFor(listPlans.listActivePlans());
    Response.ResponseBuilder builder =
        EntityTags.matches(ifNoneMatch, answer.version)
            ? Response.notModified()
            : Response.ok(answer.json);
    return builder
        .header(HttpHeaders.ETAG, answer.tag)
        .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
        .build();
  }

  @SuppressWarnings("ReferenceEquality") // the same list means the same catalogue: its contract
  private Rendered renderedFor(List<Plan> plans) {
    Rendered last = rendered;
    if (last != null && last.plans == plans) {
      return last;
    }
    Rendered fresh = new Rendered(plans);
    rendered = fresh;
    return fresh;
  }

  /** A catalogue's JSON and its tag. */
  private static final class Rendered {

    private final List<Plan> plans;
    private final byte[] json;
    private final String version;
    private final String tag;

    Rendered(List<Plan> plans) {
      this.plans = plans;
      List<PlanResponse> answer = plans.stream().map(PlanResponse::from).toList();
      this.json = JsonConfiguration.api().toJson(answer).getBytes(StandardCharsets.UTF_8);
      this.version = versionOf(json);
      this.tag = '"' + version + '"';
    }
  }

  /** A digest of the JSON answered, so any change to a plan changes the tag. */
  static String versionOf(byte[] json) {
    return EntityTags.digest(json);
  }
}
