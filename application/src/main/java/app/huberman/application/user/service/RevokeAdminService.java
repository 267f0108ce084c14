package app.huberman.application.user.service;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.in.RevokeAdminUseCase;
import app.huberman.application.user.port.out.AdminAuditPort;
import app.huberman.application.user.port.out.UserRepository;
import java.time.Clock;

/** Takes the admin role from an account, and records it in the audit trail. */
public final class RevokeAdminService implements RevokeAdminUseCase {

  private final AdminRoleChange change;

  public RevokeAdminService(
      UserRepository users, UnitOfWorkPort unitOfWork, AdminAuditPort audit, Clock clock) {
    this.change =
        new AdminRoleChange(
            users,
            unitOfWork,
            clock,
            (user, now) -> user.revokeAdmin(now),
            user -> audit.adminRevoked(user.id()));
  }

  @Override
  public boolean revokeAdmin(String email) {
    return change.apply(email);
  }
}
