package app.huberman.bootstrap.wiring;

import app.huberman.application.job.JobHandler;
import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.shared.port.out.RateLimiterPort;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.in.AuthenticateUseCase;
import app.huberman.application.user.port.in.ListDevicesUseCase;
import app.huberman.application.user.port.in.LogInUseCase;
import app.huberman.application.user.port.in.LogOutUseCase;
import app.huberman.application.user.port.in.ManageProfileUseCase;
import app.huberman.application.user.port.in.RegisterDeviceUseCase;
import app.huberman.application.user.port.in.RegisterUserUseCase;
import app.huberman.application.user.port.in.RemoveDeviceUseCase;
import app.huberman.application.user.port.in.ResetPasswordUseCase;
import app.huberman.application.user.port.out.AccessTokenRepository;
import app.huberman.application.user.port.out.CommonPasswordsPort;
import app.huberman.application.user.port.out.DeviceEventsPort;
import app.huberman.application.user.port.out.DeviceRepository;
import app.huberman.application.user.port.out.MailerPort;
import app.huberman.application.user.port.out.PasswordHasherPort;
import app.huberman.application.user.port.out.PasswordResetTokenRepository;
import app.huberman.application.user.port.out.UserEventsPort;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.application.user.service.AccountPorts;
import app.huberman.application.user.service.AuthenticationService;
import app.huberman.application.user.service.ListDevicesService;
import app.huberman.application.user.service.PasswordResetService;
import app.huberman.application.user.service.PruneExpiredTokensHandler;
import app.huberman.application.user.service.RecentAuthentications;
import app.huberman.application.user.service.RegisterDeviceService;
import app.huberman.application.user.service.RemoveDeviceService;
import app.huberman.application.user.service.SendEmailChangedNoticeHandler;
import app.huberman.application.user.service.SendPasswordResetEmailHandler;
import app.huberman.application.user.service.UserAccountService;
import app.huberman.application.user.service.UserSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The users context's use cases and job handlers. */
@ApplicationScoped
public class UserWiring {

  @Produces
  @Singleton
  @Typed(AuthenticationService.class)
  public AuthenticationService authentication(
      UserRepository users,
      AccessTokenRepository tokens,
      PasswordHasherPort hasher,
      RateLimiterPort rateLimiter,
      UserEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock,
      UserSettings settings) {
    return new AuthenticationService(
        users, tokens, hasher, rateLimiter, events, unitOfWork, clock, settings);
  }

  @Produces
  public LogInUseCase logIn(AuthenticationService authentication) {
    return authentication;
  }

  /** Token verdicts are remembered for a second: see {@link RecentAuthentications}. */
  @Produces
  @Singleton
  @Typed(RecentAuthentications.class)
  public RecentAuthentications recentAuthentications(
      AuthenticationService authentication, Clock clock) {
    return new RecentAuthentications(authentication, clock);
  }

  @Produces
  public LogOutUseCase logOut(RecentAuthentications authentications) {
    return authentications;
  }

  @Produces
  public AuthenticateUseCase authenticate(RecentAuthentications authentications) {
    return authentications;
  }

  @Produces
  @Singleton
  public AccountPorts accountPorts(
      UserRepository users,
      AccessTokenRepository tokens,
      PasswordResetTokenRepository resets,
      PasswordHasherPort hasher,
      CommonPasswordsPort commonPasswords,
      RateLimiterPort rateLimiter,
      JobQueuePort jobs,
      UserEventsPort events,
      RecentAuthentications authenticationCache,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    return new AccountPorts(
        users,
        tokens,
        resets,
        hasher,
        commonPasswords,
        rateLimiter,
        jobs,
        events,
        authenticationCache,
        unitOfWork,
        clock);
  }

  @Produces
  @Singleton
  @Typed(UserAccountService.class)
  public UserAccountService accounts(AccountPorts ports, UserSettings settings) {
    return new UserAccountService(ports, settings);
  }

  @Produces
  public RegisterUserUseCase register(UserAccountService accounts) {
    return accounts;
  }

  @Produces
  public ManageProfileUseCase profiles(UserAccountService accounts) {
    return accounts;
  }

  @Produces
  @ApplicationScoped
  public ResetPasswordUseCase resetPassword(AccountPorts ports) {
    return new PasswordResetService(ports);
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
