package app.huberman.adapters.rest.user;

import app.huberman.adapters.rest.common.Caller;
import app.huberman.adapters.rest.common.ClientAddresses;
import app.huberman.adapters.rest.common.ConsultedRateLimits;
import app.huberman.adapters.rest.common.NoStore;
import app.huberman.adapters.rest.common.RequiresAuthentication;
import app.huberman.adapters.rest.user.UserRequests.DeleteAccountRequest;
import app.huberman.adapters.rest.user.UserRequests.UpdateProfileRequest;
import app.huberman.application.user.port.in.DeleteAccountUseCase;
import app.huberman.application.user.port.in.DeleteAccountUseCase.DeleteAccountCommand;
import app.huberman.application.user.port.in.ShowProfileUseCase;
import app.huberman.application.user.port.in.UpdateProfileUseCase;
import app.huberman.application.user.port.in.UpdateProfileUseCase.UpdateProfileCommand;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Objects;

/**
 * The caller's own account. The changes that confirm the password (deleting the account, changing
 * the email) run their use case off the HTTP thread, or answer 503 at once when too many wait
 * ({@link PasswordHashing}).
 */
@Path("v1/user")
@Produces(MediaType.APPLICATION_JSON)
@RequiresAuthentication
@NoStore
@Dependent
public class ProfileResource {

  private final ShowProfileUseCase showProfile;
  private final UpdateProfileUseCase updateProfile;
  private final DeleteAccountUseCase deleteAccount;
  private final ClientAddresses clients;
  private final PasswordHashing hashing;

  @Inject
  public ProfileResource(
      ShowProfileUseCase showProfile,
      UpdateProfileUseCase updateProfile,
      DeleteAccountUseCase deleteAccount,
      ClientAddresses clients,
      PasswordHashingThreads hashingThreads,
      ConsultedRateLimits consulted) {
    this.showProfile = Objects.requireNonNull(showProfile, "showProfile");
    this.updateProfile = Objects.requireNonNull(updateProfile, "updateProfile");
    this.deleteAccount = Objects.requireNonNull(deleteAccount, "deleteAccount");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.hashing = new PasswordHashing(hashingThreads, consulted);
  }

  @GET
  @Path("profile")
  public UserResponse profile(@Context SecurityContext security) {
    return UserResponse.from(showProfile.showProfile(Caller.of(security)));
  }

  @PUT
  @Path("profile")
  @Consumes(MediaType.APPLICATION_JSON)
  public void updateProfile(
      UpdateProfileRequest body,
      @Context SecurityContext security,
      @Context HttpServletRequest http,
      @Suspended AsyncResponse answer) {
    UpdateProfileRequest request = body == null ? new UpdateProfileRequest(null, null, null) : body;
    UpdateProfileCommand command =
        new UpdateProfileCommand(
            Caller.of(security).userId(),
            request.name(),
            request.email(),
            request.currentPassword(),
            clients.of(http));
    if (request.currentPassword() == null) {
      // No password to verify (a name change, or a refusal for the missing password): no Argon2.
      PasswordHashing.answerHere(
          answer, () -> UserResponse.from(updateProfile.updateProfile(command)));
      return;
    }
    hashing.answer(answer, () -> UserResponse.from(updateProfile.updateProfile(command)));
  }

  @DELETE
  @Consumes(MediaType.APPLICATION_JSON)
  public void deleteAccount(
      DeleteAccountRequest body,
      @Context SecurityContext security,
      @Context HttpServletRequest http,
      @Suspended AsyncResponse answer) {
    DeleteAccountRequest request = body == null ? new DeleteAccountRequest(null) : body;
    DeleteAccountCommand command =
        new DeleteAccountCommand(
            Caller.of(security).userId(), request.password(), clients.of(http));
    hashing.answer(
        answer,
        () -> {
          deleteAccount.deleteAccount(command);
          return Response.noContent().build();
        });
  }
}
