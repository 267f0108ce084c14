package app.huberman.application.health.port.in;

/** Whether this instance finished starting: its database schema is migrated. */
public interface CheckStartupUseCase {

  boolean started();
}
