package app.huberman.application.user.port.out;

import app.huberman.domain.user.UserId;

/**
 * The audit trail of the admin role: every grant and revocation is recorded, whatever the log
 * level, so that who became an admin when can always be answered.
 */
public interface AdminAuditPort {

  void adminGranted(UserId user);

  void adminRevoked(UserId user);
}
