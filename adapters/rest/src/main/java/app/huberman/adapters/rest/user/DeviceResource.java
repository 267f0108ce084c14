package app.huberman.adapters.rest.user;

import app.huberman.adapters.rest.common.Caller;
import app.huberman.adapters.rest.common.NoStore;
import app.huberman.adapters.rest.common.RequiresAuthentication;
import app.huberman.adapters.rest.user.UserRequests.RegisterDeviceRequest;
import app.huberman.application.user.port.in.ListDevicesUseCase;
import app.huberman.application.user.port.in.RegisterDeviceUseCase;
import app.huberman.application.user.port.in.RegisterDeviceUseCase.RegisterDeviceCommand;
import app.huberman.application.user.port.in.RegisterDeviceUseCase.Registration;
import app.huberman.application.user.port.in.RemoveDeviceUseCase;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Objects;

/**
 * {@code /api/v1/user/devices}: the push tokens of the apps the caller is signed in on. A
 * registration answers 201 when the device is new to the caller, 200 when it was theirs already.
 */
@Path("v1/user/devices")
@Produces(MediaType.APPLICATION_JSON)
@RequiresAuthentication
@NoStore
@Dependent
public class DeviceResource {

  private final RegisterDeviceUseCase registration;
  private final ListDevicesUseCase listing;
  private final RemoveDeviceUseCase removal;

  @Inject
  public DeviceResource(
      RegisterDeviceUseCase registration, ListDevicesUseCase listing, RemoveDeviceUseCase removal) {
    this.registration = Objects.requireNonNull(registration, "registration");
    this.listing = Objects.requireNonNull(listing, "listing");
    this.removal = Objects.requireNonNull(removal, "removal");
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(RegisterDeviceRequest body, @Context SecurityContext security) {
    RegisterDeviceRequest request =
        body == null ? new RegisterDeviceRequest(null, null, null) : body;
    Registration registered =
        registration.register(
            new RegisterDeviceCommand(
                Caller.of(security).userId(), request.token(), request.platform(), request.name()));
    return Response.status(registered.created() ? 201 : 200)
        .entity(DeviceResponse.from(registered.device()))
        .build();
  }

  @GET
  public List<DeviceResponse> list(@Context SecurityContext security) {
    return listing.devicesOf(Caller.of(security).userId()).stream()
        .map(DeviceResponse::from)
        .toList();
  }

  /** A non-numeric id matches no device either: JAX-RS answers 404 for it. */
  @DELETE
  @Path("{id}")
  public Response remove(@PathParam("id") long id, @Context SecurityContext security) {
    removal.remove(Caller.of(security).userId(), id);
    return Response.noContent().build();
  }
}
