package app.huberman.adapters.rest.subscription;

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
  public Response list(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    List<PlanResponse> plans =
        listPlans.listActivePlans().stream().map(PlanResponse::from).toList();
    String version = versionOf(plans);
    CacheControl cache = new CacheControl();
    cache.setMaxAge(MAX_AGE_SECONDS);
    cache.setNoTransform(false);
    Response.ResponseBuilder answer =
        matches(ifNoneMatch, version) ? Response.notModified() : Response.ok(plans);
    return answer.tag(new EntityTag(version)).cacheControl(cache).build();
  }

  /**
   * Whether {@code If-None-Match} names the tag (or is {@code *}). Read here rather than by
   * JAX-RS's precondition check, which throws on a malformed header: anything unreadable just
   * matches nothing, and the plans are sent.
   */
  static boolean matches(String ifNoneMatch, String version) {
    if (ifNoneMatch == null || ifNoneMatch.length() > 1024) {
      return false;
    }
    String quoted = '"' + version + '"';
    for (String candidate : ifNoneMatch.split(",")) {
      String value = candidate.strip();
      if (value.startsWith("W/")) {
        value = value.substring(2);
      }
      if (value.equals("*") || value.equals(quoted)) {
        return true;
      }
    }
    return false;
  }

  /** A digest of every field the answer shows, so any change to a plan changes the tag. */
  static String versionOf(List<PlanResponse> plans) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(plans.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }
}
