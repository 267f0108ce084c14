package app.huberman.application.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.health.port.out.SchemaBehindException;
import app.huberman.application.health.service.CheckStartupService;
import app.huberman.application.health.service.MigrateSchemaService;
import app.huberman.application.health.service.MigratedSchema;
import app.huberman.application.health.service.VerifySchemaService;
import app.huberman.application.shared.DependencyUnavailableException;
import org.junit.jupiter.api.Test;

class CheckStartupServiceTest {

  private final MigratedSchema migrated = new MigratedSchema();
  private final CheckStartupService startup = new CheckStartupService(migrated);

  @Test
  void isNotStartedUntilTheSchemaIsMigrated() {
    MigrateSchemaService migration =
        new MigrateSchemaService(FakeSchemaMigrator.migratedTo("1"), migrated);

    assertThat(startup.started()).isFalse();

    assertThat(migration.migrateSchema()).isEqualTo("1");

    assertThat(startup.started()).isTrue();
  }

  @Test
  void staysUnstartedWhenTheDatabaseIsNotThereYetAndMayTryAgain() {
    MigrateSchemaService migration =
        new MigrateSchemaService(
            FakeSchemaMigrator.at("2", "3")
                .failingOnceWith(
                    () ->
                        new DependencyUnavailableException(
                            "database", new IllegalStateException())),
            migrated);

    assertThatThrownBy(migration::migrateSchema).isInstanceOf(DependencyUnavailableException.class);
    assertThat(startup.started()).isFalse();

    assertThat(migration.migrateSchema()).isEqualTo("3");
    assertThat(startup.started()).isTrue();
  }

  @Test
  void withoutMigratingWaitsUntilTheSchemaIsAtThisBuildsVersion() {
    FakeSchemaMigrator schema = FakeSchemaMigrator.at("9", "10");
    VerifySchemaService verification = new VerifySchemaService(schema, migrated);

    assertThatThrownBy(verification::verifySchema)
        .isInstanceOf(SchemaBehindException.class)
        .hasMessage("The database schema is at version 9; this build expects 10");
    assertThat(startup.started()).isFalse();

    schema.migratedElsewhere();

    assertThat(verification.verifySchema()).isEqualTo("10");
    assertThat(startup.started()).isTrue();
  }
}
