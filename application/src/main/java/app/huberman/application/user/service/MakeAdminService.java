package app.huberman.application.user.service;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.in.MakeAdminUseCase;
import app.huberman.application.user.port.out.AdminAuditPort;
import app.huberman.application.user.port.out.UserRepository;
import java.time.Clock;

/** Promotes an account to admin, and records it in the audit trail. */
public final class MakeAdminService implements MakeAdminUseCase {

  private final AdminRoleChange change;

  public MakeAdminService(
      UserRepository users, UnitOfWorkPort unitOfWork, AdminAuditPort audit, Clock clock) {
    this.change =
        new AdminRoleChange(
            users,
            unitOfWork,
            clock,
            (user, now) -> user.promoteToAdmin(now),
            user -> audit.adminGranted(user.id()));
  }

  @Override
  public boolean makeAdmin(String email) {
    return change.apply(email);
  }
}
