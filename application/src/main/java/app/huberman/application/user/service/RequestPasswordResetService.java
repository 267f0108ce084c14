package app.huberman.application.user.service;

import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.shared.Violations;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.in.RequestPasswordResetUseCase;
import app.huberman.application.user.port.out.UserEventsPort;
import app.huberman.domain.user.Email;
import java.util.Objects;

/**
 * Asks for a reset link. The request only enqueues a job ({@link SendPasswordResetEmailHandler});
 * the job creates the token and sends it, so the token never exists anywhere but in its email (and
 * as a hash in the store).
 */
public final class RequestPasswordResetService implements RequestPasswordResetUseCase {

  private final JobQueuePort jobs;
  private final UserEventsPort events;
  private final UnitOfWorkPort unitOfWork;
  private final PerClientLimit limit;

  public RequestPasswordResetService(
      PerClientLimit limit, UserEventsPort events, JobQueuePort jobs, UnitOfWorkPort unitOfWork) {
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.limit = Objects.requireNonNull(limit, "limit");
  }

  @Override
  public void requestReset(RequestPasswordResetCommand command) {
    limit.count("forgot-password", command.clientIp());
    Violations violations = new Violations();
    Email email = AccountInput.email(violations, command.email());
    violations.throwIfAny();
    // The same work for any well-formed email: the job finds out whether there is an account.
    unitOfWork.atomically(() -> jobs.enqueue(SendPasswordResetEmailHandler.jobFor(email)));
    events.passwordResetRequested(email, command.clientIp());
  }
}
