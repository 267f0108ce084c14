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
import app.huberman.application.user.service.PruneExpiredTokensHandler;
import app.huberman.application.user.service.RegisterDeviceService;
import app.huberman.application.user.service.RegisterUserService;
import app.huberman.application.user.service.RemoveDeviceService;
import app.huberman.application.user.service.RequestPasswordResetService;
import app.huberman.application.user.service.ResetPasswordService;
import app.huberman.application.user.service.SendEmailChangedNoticeHandler;
import app.huberman.application.user.service.SendPasswordResetEmailHandler;
import app.huberman.application.user.service.ShowProfileService;
import app.huberman.application.user.service.TokenVerdictCache;
import app.huberman.application.user.service.UpdateProfileService;
import app.huberman.application.user.service.UserSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The users context's use cases, one producer each, and its job handlers. Each service gets the
 * ports its use case needs; the verdict cache is the one object several of them share.
 */
@ApplicationScoped
public class UserWiring {

  @Produces
  @ApplicationScoped
  public RegisterUserUseCase registerUser(
      UserRepository users,
      AccessTokenRepository tokens,
      PasswordHasherPort hasher,
      CommonPasswordsPort commonPasswords,
      RateLimiterPort rateLimiter,
      UserEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock,
      UserSettings settings) {
    return new RegisterUserService(
        users, tokens, hasher, commonPasswords, rateLimiter, events, unitOfWork, clock, settings);
  }

  @Produces
  @ApplicationScoped
  public LogInUseCase logIn(
      UserRepository users,
      AccessTokenRepository tokens,
      PasswordHasherPort hasher,
      RateLimiterPort rateLimiter,
      UserEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock,
      UserSettings settings) {
    return new LogInService(
        users, tokens, hasher, rateLimiter, events, unitOfWork, clock, settings);
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
      PasswordHasherPort hasher,
      RateLimiterPort rateLimiter,
      UserEventsPort events,
      JobQueuePort jobs,
      AuthenticationCachePort verdicts,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    return new UpdateProfileService(
        users, resets, hasher, rateLimiter, events, jobs, verdicts, unitOfWork, clock);
  }

  @Produces
  @ApplicationScoped
  public DeleteAccountUseCase deleteAccount(
      UserRepository users,
      AccessTokenRepository tokens,
      PasswordResetTokenRepository resets,
      PasswordHasherPort hasher,
      RateLimiterPort rateLimiter,
      UserEventsPort events,
      AuthenticationCachePort verdicts,
      UnitOfWorkPort unitOfWork) {
    return new DeleteAccountService(
        users, tokens, resets, hasher, rateLimiter, events, verdicts, unitOfWork);
  }

  @Produces
  @ApplicationScoped
  public RequestPasswordResetUseCase requestPasswordReset(
      RateLimiterPort rateLimiter,
      UserEventsPort events,
      JobQueuePort jobs,
      UnitOfWorkPort unitOfWork) {
    return new RequestPasswordResetService(rateLimiter, events, jobs, unitOfWork);
  }

  @Produces
  @ApplicationScoped
  public ResetPasswordUseCase resetPassword(
      UserRepository users,
      AccessTokenRepository tokens,
      PasswordResetTokenRepository resets,
      PasswordHasherPort hasher,
      CommonPasswordsPort commonPasswords,
      RateLimiterPort rateLimiter,
      UserEventsPort events,
      AuthenticationCachePort verdicts,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    return new ResetPasswordService(
        users,
        tokens,
        resets,
        hasher,
        commonPasswords,
        rateLimiter,
        events,
        verdicts,
        unitOfWork,
        clock);
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
