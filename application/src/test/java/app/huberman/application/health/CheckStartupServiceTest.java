package app.huberman.application.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.health.service.CheckStartupService;
import app.huberman.application.health.service.MigrateSchemaService;
import app.huberman.application.health.service.MigratedSchema;
import app.huberman.application.shared.DependencyUnavailableException;
import org.junit.jupiter.api.Test;

class CheckStartupServiceTest {

  private final MigratedSchema migrated = new MigratedSchema();
  private final CheckStartupService startup = new CheckStartupService(migrated);

  @Test
  void isNotStartedUntilTheSchemaIsMigrated() {
    MigrateSchemaService migration = new MigrateSchemaService(() -> "1", migrated);

    assertThat(startup.started()).isFalse();

    assertThat(migration.migrateSchema()).isEqualTo("1");

    assertThat(startup.started()).isTrue();
  }

  @Test
  void staysUnstartedWhenTheDatabaseIsNotThereYetAndMayTryAgain() {
    int[] attempts = {0};
    MigrateSchemaService migration =
        new MigrateSchemaService(
            () -> {
              if (++attempts[0] == 1) {
                throw new DependencyUnavailableException("database", new IllegalStateException());
              }
              return "3";
            },
            migrated);

    assertThatThrownBy(migration::migrateSchema).isInstanceOf(DependencyUnavailableException.class);
    assertThat(startup.started()).isFalse();

    assertThat(migration.migrateSchema()).isEqualTo("3");
    assertThat(startup.started()).isTrue();
  }
}
