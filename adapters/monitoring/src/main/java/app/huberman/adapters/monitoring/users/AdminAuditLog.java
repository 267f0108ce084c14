package app.huberman.adapters.monitoring.users;

import app.huberman.adapters.monitoring.logging.EventLog;
import app.huberman.application.user.port.out.AdminAuditPort;
import app.huberman.domain.user.UserId;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs {@code admin.granted} and {@code admin.revoked} to the {@code app.huberman.audit} logger at
 * WARNING, so that they are written at every log level, production's included. Only the operator
 * CLI changes the admin role, hence {@code by: operator_cli}.
 */
public final class AdminAuditLog implements AdminAuditPort {

  private static final Logger LOG = Logger.getLogger("app.huberman.audit");

  @Override
  public void adminGranted(UserId user) {
    record("admin.granted", user);
  }

  @Override
  public void adminRevoked(UserId user) {
    record("admin.revoked", user);
  }

  private static void record(String event, UserId user) {
    EventLog.emit(LOG, Level.WARNING, event, Map.of("user_id", user.value(), "by", "operator_cli"));
  }
}
