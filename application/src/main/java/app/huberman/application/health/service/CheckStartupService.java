package app.huberman.application.health.service;

import app.huberman.application.health.port.in.CheckStartupUseCase;
import java.util.Objects;

/** An instance has started once its {@link MigrateSchemaService} migrated the schema. */
public final class CheckStartupService implements CheckStartupUseCase {

  private final MigratedSchema migrated;

  public CheckStartupService(MigratedSchema migrated) {
    this.migrated = Objects.requireNonNull(migrated, "migrated");
  }

  @Override
  public boolean started() {
    return migrated.version().isPresent();
  }
}
