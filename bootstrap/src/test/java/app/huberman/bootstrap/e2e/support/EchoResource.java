package app.huberman.bootstrap.e2e.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Added to the real WAR by the end-to-end test only: an endpoint that reads a JSON body, so the
 * error contract for bodies (400, 413, 415) and for unexpected failures (500) can be exercised
 * before the API has endpoints of its own that take one.
 */
@Path("v1/test-echo")
@ApplicationScoped
public class EchoResource {

  /** A body with one typed field. */
  public record Echo(String text, int count) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Echo echo(Echo body) {
    return body;
  }

  @POST
  @Path("fail")
  @Produces(MediaType.APPLICATION_JSON)
  public Echo fail() {
    throw new IllegalStateException("secret internal detail: password=hunter2");
  }
}
