package app.huberman.application.health.service;

import java.util.Optional;

/**
 * The schema version this instance migrated to, once it did: {@link MigrateSchemaService} records
 * it, {@link CheckStartupService} and {@link CheckReadinessService} read it. One per instance.
 */
public final class MigratedSchema {

  private volatile String version;

  void record(String version) {
    this.version = version;
  }

  /** Empty until a migration succeeded. */
  Optional<String> version() {
    return Optional.ofNullable(version);
  }
}
