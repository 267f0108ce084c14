package app.huberman.application.health.port.in;

/** Probes every dependency the instance needs to serve requests. */
public interface CheckReadinessUseCase {

  ReadinessReport checkReadiness();
}
