package app.huberman.adapters.rest.user;

import app.huberman.adapters.rest.common.Caller;
import app.huberman.adapters.rest.common.ClientAddresses;
import app.huberman.adapters.rest.common.ConsultedRateLimits;
import app.huberman.adapters.rest.common.NoStore;
import app.huberman.adapters.rest.common.RequiresAuthentication;
import app.huberman.adapters.rest.user.UserRequests.ForgotPasswordRequest;
import app.huberman.adapters.rest.user.UserRequests.LoginRequest;
import app.huberman.adapters.rest.user.UserRequests.RegisterRequest;
import app.huberman.adapters.rest.user.UserRequests.ResetPasswordRequest;
import app.huberman.application.user.port.in.LogInUseCase;
import app.huberman.application.user.port.in.LogInUseCase.LogInCommand;
import app.huberman.application.user.port.in.LogOutUseCase;
import app.huberman.application.user.port.in.RegisterUserUseCase;
import app.huberman.application.user.port.in.RegisterUserUseCase.RegisterUserCommand;
import app.huberman.application.user.port.in.RequestPasswordResetUseCase;
import app.huberman.application.user.port.in.RequestPasswordResetUseCase.RequestPasswordResetCommand;
import app.huberman.application.user.port.in.ResetPasswordUseCase;
import app.huberman.application.user.port.in.ResetPasswordUseCase.ResetPasswordCommand;
import app.huberman.application.user.port.in.SignedIn;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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
 * Sign-up, sign-in, sign-out and the password reset flow. The routes that hash or verify a password
 * run their use case off the HTTP thread, or answer 503 at once when too many wait ({@link
 * PasswordHashing}).
 */
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@NoStore
@Dependent
public class AuthResource {

  static final String RESET_REQUESTED =
      "If that email is registered, a password reset link has been sent.";
  static final String RESET_DONE = "Your password has been reset.";
  static final String LOGGED_OUT = "Logged out successfully";

  private final RegisterUserUseCase register;
  private final LogInUseCase logIn;
  private final LogOutUseCase logOut;
  private final RequestPasswordResetUseCase requestReset;
  private final ResetPasswordUseCase resetPassword;
  private final ClientAddresses clients;
  private final PasswordHashing hashing;

  @Inject
  public AuthResource(
      RegisterUserUseCase register,
      LogInUseCase logIn,
      LogOutUseCase logOut,
      RequestPasswordResetUseCase requestReset,
      ResetPasswordUseCase resetPassword,
      ClientAddresses clients,
      PasswordHashingThreads hashingThreads,
      ConsultedRateLimits consulted) {
    this.register = Objects.requireNonNull(register, "register");
    this.logIn = Objects.requireNonNull(logIn, "logIn");
    this.logOut = Objects.requireNonNull(logOut, "logOut");
    this.requestReset = Objects.requireNonNull(requestReset, "requestReset");
    this.resetPassword = Objects.requireNonNull(resetPassword, "resetPassword");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.hashing = new PasswordHashing(hashingThreads, consulted);
  }

  @POST
  @Path("register")
  public void register(
      RegisterRequest body, @Context HttpServletRequest http, @Suspended AsyncResponse answer) {
    RegisterRequest request = body == null ? new RegisterRequest(null, null, null, null) : body;
    RegisterUserCommand command =
        new RegisterUserCommand(
            request.name(),
            request.email(),
            request.password(),
            request.passwordConfirmation(),
            clients.of(http));
    hashing.answer(
        answer,
        () ->
            Response.status(Response.Status.CREATED)
                .entity(authResponse(register.register(command)))
                .build());
  }

  @POST
  @Path("login")
  public void login(
      LoginRequest body, @Context HttpServletRequest http, @Suspended AsyncResponse answer) {
    LoginRequest request = body == null ? new LoginRequest(null, null) : body;
    LogInCommand command = new LogInCommand(request.email(), request.password(), clients.of(http));
    hashing.answer(
        answer,
        () -> logIn.admit(command),
        admitted -> authResponse(admitted.complete()),
        LogInUseCase.Admitted::withdraw);
  }

  @POST
  @Path("logout")
  @RequiresAuthentication
  @Consumes(MediaType.WILDCARD)
  public MessageResponse logout(
      @Context SecurityContext security, @Context HttpServletRequest http) {
    logOut.logOut(Caller.of(security), clients.of(http));
    return new MessageResponse(LOGGED_OUT);
  }

  @POST
  @Path("forgot-password")
  public MessageResponse forgotPassword(
      ForgotPasswordRequest body, @Context HttpServletRequest http) {
    ForgotPasswordRequest request = body == null ? new ForgotPasswordRequest(null) : body;
    requestReset.requestReset(new RequestPasswordResetCommand(request.email(), clients.of(http)));
    return new MessageResponse(RESET_REQUESTED);
  }

  @POST
  @Path("reset-password")
  public void resetPassword(
      ResetPasswordRequest body,
      @Context HttpServletRequest http,
      @Suspended AsyncResponse answer) {
    ResetPasswordRequest request =
        body == null ? new ResetPasswordRequest(null, null, null, null) : body;
    String clientIp = clients.of(http);
    hashing.answer(
        answer,
        () -> {
          resetPassword.resetPassword(
              new ResetPasswordCommand(
                  request.token(),
                  request.email(),
                  request.password(),
                  request.passwordConfirmation(),
                  clientIp));
          return new MessageResponse(RESET_DONE);
        });
  }

  private static AuthResponse authResponse(SignedIn signedIn) {
    return new AuthResponse(UserResponse.from(signedIn.user()), signedIn.token());
  }
}
