package app.huberman.adapters.rest.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The cheapest JSON answer the API can give: no use case, no I/O. Clients may use it to check
 * reachability; benchmarks use it as the server's baseline.
 */
@Path("v1/ping")
@ApplicationScoped
public class PingResource {

  private static final PingResponse PONG = new PingResponse("ok");

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public PingResponse ping() {
    return PONG;
  }

  /** The ping answer. */
  public record PingResponse(String status) {}
}
