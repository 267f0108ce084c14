package app.huberman.adapters.rest.user;

import app.huberman.adapters.rest.common.Caller;
import app.huberman.adapters.rest.common.ClientAddresses;
import app.huberman.adapters.rest.common.NoStore;
import app.huberman.adapters.rest.common.RequiresAuthentication;
import app.huberman.adapters.rest.user.UserRequests.DeleteAccountRequest;
import app.huberman.adapters.rest.user.UserRequests.UpdateProfileRequest;
import app.huberman.application.user.port.in.ManageProfileUseCase;
import app.huberman.application.user.port.in.ManageProfileUseCase.DeleteAccountCommand;
import app.huberman.application.user.port.in.ManageProfileUseCase.UpdateProfileCommand;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Objects;

/** The caller's own account. */
@Path("v1/user")
@Produces(MediaType.APPLICATION_JSON)
@RequiresAuthentication
@NoStore
@Dependent
public class ProfileResource {

  private final ManageProfileUseCase profiles;
  private final ClientAddresses clients;

  @Inject
  public ProfileResource(ManageProfileUseCase profiles, ClientAddresses clients) {
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    this.clients = Objects.requireNonNull(clients, "clients");
  }

  @GET
  @Path("profile")
  public UserResponse profile(@Context SecurityContext security) {
    return UserResponse.from(profiles.profile(Caller.of(security)));
  }

  @PUT
  @Path("profile")
  @Consumes(MediaType.APPLICATION_JSON)
  public UserResponse updateProfile(
      UpdateProfileRequest body,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    UpdateProfileRequest request = body == null ? new UpdateProfileRequest(null, null, null) : body;
    return UserResponse.from(
        profiles.updateProfile(
            new UpdateProfileCommand(
                Caller.of(security).userId(),
                request.name(),
                request.email(),
                request.currentPassword(),
                clients.of(http))));
  }

  @DELETE
  @Consumes(MediaType.APPLICATION_JSON)
  public Response deleteAccount(
      DeleteAccountRequest body,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    DeleteAccountRequest request = body == null ? new DeleteAccountRequest(null) : body;
    profiles.deleteAccount(
        new DeleteAccountCommand(
            Caller.of(security).userId(), request.password(), clients.of(http)));
    return Response.noContent().build();
  }
}
