package app.huberman.bootstrap.wiring;

import app.huberman.application.job.JobHandler;
import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.shared.port.out.RateLimiterPort;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.in.AuthenticateUseCase;
import app.huberman.application.user.port.in.DeleteAccountUseCase;
import app.huberman.application.user.port.in.ListDevicesUseCase;
import app.huberman.application.user.port.in.LogInUseCase;
import app.huberman.application.user.port.in.LogOutUseCase;
import app.huberman.application.user.port.in.RegisterDeviceUseCase;
import app.huberman.application.user.port.in.RegisterUserUseCase;
import app.huberman.application.user.port.in.RemoveDeviceUseCase;
import app.huberman.application.user.port.in.RequestPasswordResetUseCase;
import app.huberman.application.user.port.in.ResetPasswordUseCase;
import app.huberman.application.user.port.in.ShowProfileUseCase;
import app.huberman.application.user.port.in.UpdateProfileUseCase;
import app.huberman.application.user.port.out.AccessTokenRepository;
import app.huberman.application.user.port.out.AuthenticationCachePort;
import app.huberman.application.user.port.out.CommonPasswordsPort;
import app.huberman.application.user.port.out.DeviceEventsPort;
import app.huberman.application.user.port.out.DeviceRepository;
import app.huberman.application.user.port.out.MailerPort;
import app.huberman.application.user.port.out.PasswordHasherPort;
import app.huberman.application.user.port.out.PasswordResetTokenRepository;
import app.huberman.application.user.port.out.UserEventsPort;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.application.user.service.AuthenticateService;
import app.huberman.application.user.service.DeleteAccountService;
import app.huberman.application.user.service.ListDevicesService;
import app.huberman.application.user.service.LogInService;
import app.huberman.application.user.service.LogOutService;
import app.huberman.application.user.service.NewPasswords;
import app.huberman.application.user.service.PasswordConfirmation;
import app.huberman.application.user.service.PasswordGuessLimit;
import app.huberman.application.user.service.PerClientLimit;
import app.huberman.application.user.service.PruneExpiredTokensHandler;
import app.huberman.application.user.service.RegisterDeviceService;
import app.huberman.application.user.service.RegisterUserService;
import app.huberman.application.user.service.RemoveDeviceService;
import app.huberman.application.user.service.RequestPasswordResetService;
import app.huberman.application.user.service.ResetPasswordService;
import app.huberman.application.user.service.SendEmailChangedNoticeHandler;
import app.huberman.application.user.service.SendPasswordResetEmailHandler;
import app.huberman.application.user.service.ShowProfileService;
import app.huberman.application.user.service.SignOutEverywhere;
import app.huberman.application.user.service.TokenIssuer;
import app.huberman.application.user.service.TokenVerdictCache;
import app.huberman.application.user.service.UpdateProfileService;
import app.huberman.application.user.service.UserSettings;
import app.huberman.domain.user.PasswordPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The users context's use cases, one producer each, and its job handlers. Each service gets the
 * ports its use case needs and the shared collaborators (limits, token issuer, password checks),
 * each built once here. Those are final classes, which a normal scope could not proxy: {@code
 * Singleton}, as the verdict cache.
 */
@ApplicationScoped
public class UserWiring {

  @Produces
  @Singleton
  public PerClientLimit perClientLimit(RateLimiterPort rateLimiter, UserEventsPort events) {
    return new PerClientLimit(rateLimiter, events);
  }

  @Produces
  @Singleton
  public PasswordGuessLimit passwordGuessLimit(RateLimiterPort rateLimiter, UserEventsPort events) {
    return new PasswordGuessLimit(rateLimiter, events);
  }

  @Produces
  @Singleton
  public PasswordConfirmation passwordConfirmation(
      PasswordHasherPort hasher, PasswordGuessLimit guesses) {
    return new PasswordConfirmation(hasher, guesses);
  }

  @Produces
  @Singleton
  public NewPasswords newPasswords(CommonPasswordsPort commonPasswords, PasswordHasherPort hasher) {
    return new NewPasswords(new PasswordPolicy(commonPasswords::isCommon), hasher);
  }

  @Produces
  @Singleton
  public TokenIssuer tokenIssuer(AccessTokenRepository tokens, UserSettings settings) {
    return new TokenIssuer(tokens, settings.tokenTtl());
  }

  @Produces
  @Singleton
  public SignOutEverywhere signOutEverywhere(
      AccessTokenRepository tokens, AuthenticationCachePort verdicts) {
    return new SignOutEverywhere(tokens, verdicts);
  }

  @Produces
  @ApplicationScoped
  public RegisterUserUseCase registerUser(
      UserRepository users,
      NewPasswords passwords,
      PerClientLimit limit,
      TokenIssuer issuer,
      UserEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    return new RegisterUserService(users, passwords, limit, issuer, events, unitOfWork, clock);
  }

  @Produces
  @ApplicationScoped
  public LogInUseCase logIn(
      UserRepository users,
      PasswordHasherPort hasher,
      PasswordGuessLimit guesses,
      TokenIssuer issuer,
      UserEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    return new LogInService(users, hasher, guesses, issuer, events, unitOfWork, clock);
  }

  /**
   * Token verdicts are remembered for a second in front of the store ({@link TokenVerdictCache});
   * the services that revoke tokens or change accounts tell it, as {@link AuthenticationCachePort}.
   */
  @Produces
  @Singleton
  @Typed(TokenVerdictCache.class)
  public TokenVerdictCache tokenVerdicts(
      AccessTokenRepository tokens, UnitOfWorkPort unitOfWork, Clock clock) {
    return new TokenVerdictCache(new AuthenticateService(tokens, unitOfWork, clock), clock);
  }

  @Produces
  public AuthenticateUseCase authenticate(TokenVerdictCache verdicts) {
    return verdicts;
  }

  @Produces
  public AuthenticationCachePort authenticationCache(TokenVerdictCache verdicts) {
    return verdicts;
  }

  @Produces
  @ApplicationScoped
  public LogOutUseCase logOut(
      AccessTokenRepository tokens,
      AuthenticationCachePort verdicts,
      UserEventsPort events,
      UnitOfWorkPort unitOfWork) {
    return new LogOutService(tokens, verdicts, events, unitOfWork);
  }

  @Produces
  @ApplicationScoped
  public ShowProfileUseCase showProfile() {
    return new ShowProfileService();
  }

  @Produces
  @ApplicationScoped
  public UpdateProfileUseCase updateProfile(
      UserRepository users,
      PasswordResetTokenRepository resets,
      PasswordConfirmation passwords,
      JobQueuePort jobs,
      AuthenticationCachePort verdicts,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    return new UpdateProfileService(users, resets, passwords, jobs, verdicts, unitOfWork, clock);
  }

  @Produces
  @ApplicationScoped
  public DeleteAccountUseCase deleteAccount(
      UserRepository users,
      PasswordResetTokenRepository resets,
      PasswordConfirmation passwords,
      SignOutEverywhere sessions,
      UserEventsPort events,
      UnitOfWorkPort unitOfWork) {
    return new DeleteAccountService(users, resets, passwords, sessions, events, unitOfWork);
  }

  @Produces
  @ApplicationScoped
  public RequestPasswordResetUseCase requestPasswordReset(
      PerClientLimit limit, UserEventsPort events, JobQueuePort jobs, UnitOfWorkPort unitOfWork) {
    return new RequestPasswordResetService(limit, events, jobs, unitOfWork);
  }

  @Produces
  @ApplicationScoped
  public ResetPasswordUseCase resetPassword(
      UserRepository users,
      PasswordResetTokenRepository resets,
      NewPasswords passwords,
      PerClientLimit limit,
      SignOutEverywhere sessions,
      UserEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    return new ResetPasswordService(
        users, resets, passwords, limit, sessions, events, unitOfWork, clock);
  }

  @Produces
  @ApplicationScoped
  public RegisterDeviceUseCase registerDevice(
      DeviceRepository devices,
      RateLimiterPort rateLimiter,
      DeviceEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    return new RegisterDeviceService(devices, rateLimiter, events, unitOfWork, clock);
  }

  @Produces
  @ApplicationScoped
  public ListDevicesUseCase listDevices(DeviceRepository devices, UnitOfWorkPort unitOfWork) {
    return new ListDevicesService(devices, unitOfWork);
  }

  @Produces
  @ApplicationScoped
  public RemoveDeviceUseCase removeDevice(
      DeviceRepository devices, DeviceEventsPort events, UnitOfWorkPort unitOfWork) {
    return new RemoveDeviceService(devices, events, unitOfWork);
  }

  @Produces
  @Singleton
  public JobHandler sendPasswordResetEmail(
      UserRepository users,
      PasswordResetTokenRepository resets,
      MailerPort mailer,
      Clock clock,
      UserSettings settings) {
    return new SendPasswordResetEmailHandler(users, resets, mailer, clock, settings);
  }

  @Produces
  @Singleton
  public JobHandler sendEmailChangedNotice(MailerPort mailer) {
    return new SendEmailChangedNoticeHandler(mailer);
  }

  @Produces
  @Singleton
  public JobHandler pruneExpiredTokens(
      AccessTokenRepository tokens, PasswordResetTokenRepository resets, Clock clock) {
    return new PruneExpiredTokensHandler(tokens, resets, clock);
  }
}
