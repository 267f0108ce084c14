package app.huberman.application.user.service;

import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.shared.ValidationException;
import app.huberman.application.shared.Violations;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.in.ResetPasswordUseCase;
import app.huberman.application.user.port.out.AccessTokenRepository;
import app.huberman.application.user.port.out.AuthenticationCachePort;
import app.huberman.application.user.port.out.PasswordHasherPort;
import app.huberman.application.user.port.out.PasswordResetTokenRepository;
import app.huberman.application.user.port.out.UserEventsPort;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.PasswordHash;
import app.huberman.domain.user.PasswordPolicy;
import app.huberman.domain.user.PasswordResetToken;
import app.huberman.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Forgotten passwords. The request only enqueues a job; the job creates the token and sends it, so
 * the token never exists anywhere but in its email (and as a hash in the store).
 */
public final class PasswordResetService implements ResetPasswordUseCase {

  static final String INVALID_TOKEN = "This password reset token is invalid or has expired.";

  private final UserRepository users;
  private final AccessTokenRepository tokens;
  private final PasswordResetTokenRepository resets;
  private final PasswordHasherPort hasher;
  private final PasswordPolicy passwordPolicy;
  private final AccountPorts ports;
  private final JobQueuePort jobs;
  private final UserEventsPort events;
  private final AuthenticationCachePort revocations;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public PasswordResetService(AccountPorts ports) {
    this.users = ports.users();
    this.tokens = ports.tokens();
    this.resets = ports.resets();
    this.hasher = ports.hasher();
    this.passwordPolicy = new PasswordPolicy(ports.commonPasswords()::isCommon);
    this.jobs = ports.jobs();
    this.events = ports.events();
    this.revocations = ports.authenticationCache();
    this.unitOfWork = ports.unitOfWork();
    this.clock = ports.clock();
    this.ports = ports;
  }

  @Override
  public void requestReset(RequestResetCommand command) {
    ports.limitPerClient("forgot-password", command.clientIp());
    Violations violations = new Violations();
    Email email = UserAccountService.checkedEmail(violations, command.email());
    violations.throwIfAny();
    // The same work for any well-formed email: the job finds out whether there is an account.
    unitOfWork.inTransaction(
        () ->
            jobs.enqueue(
                SendPasswordResetEmailHandler.TYPE,
                JobPayload.of(1, Map.of("email", email.normalized())),
                JobOptions.defaults()
                    .onQueue(MailQueue.NAME)
                    .uniqueBy("password-reset:" + Secrets.sha256Hex(email.normalized()))));
    events.passwordResetRequested(email, command.clientIp());
  }

  @Override
  public void resetPassword(ResetPasswordCommand command) {
    ports.limitPerClient("reset-password", command.clientIp());
    Violations violations = new Violations();
    String token = violations.required("token", command.token());
    Email email = UserAccountService.checkedEmail(violations, command.email());
    PasswordChecks.check(
        violations, passwordPolicy, command.password(), command.passwordConfirmation());
    violations.throwIfAny();
    PasswordHash newHash = hasher.hash(command.password());
    User user =
        unitOfWork.inTransaction(
            () -> {
              Instant now = clock.instant();
              Optional<PasswordResetToken> pending = resets.findByEmail(email.normalized());
              Optional<User> owner = users.findByEmail(email);
              if (pending.isEmpty()
                  || owner.isEmpty()
                  || pending.get().isExpiredAt(now)
                  || !Secrets.sameHash(pending.get().tokenHash(), Secrets.sha256Hex(token))) {
                throw ValidationException.of("token", INVALID_TOKEN);
              }
              User found = owner.get();
              found.changePassword(newHash, now);
              users.update(found);
              resets.delete(email.normalized());
              tokens.deleteAllOf(found.id());
              return found;
            });
    revocations.forget(user.id());
    events.passwordResetCompleted(user.id(), command.clientIp());
  }
}
