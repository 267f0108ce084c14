package app.huberman.bootstrap.startup;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.health.port.in.MigrateSchemaUseCase;
import app.huberman.application.health.port.in.VerifySchemaUseCase;
import app.huberman.application.health.port.out.SchemaBehindException;
import app.huberman.bootstrap.config.MigrationSettings;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SchemaMigrationOnStartupTest {

  private final List<Runnable> scheduled = new ArrayList<>();
  private final ManagedScheduledExecutorService scheduler =
      (ManagedScheduledExecutorService)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {ManagedScheduledExecutorService.class},
              (proxy, method, args) -> {
                if (method.getName().equals("schedule") && args[0] instanceof Runnable task) {
                  scheduled.add(task);
                }
                return null;
              });

  private static final VerifySchemaUseCase NEVER_VERIFIED =
      () -> {
        throw new AssertionError("MIGRATE_ON_START=true does not verify");
      };
  private static final MigrateSchemaUseCase NEVER_MIGRATED =
      () -> {
        throw new AssertionError("MIGRATE_ON_START=false never migrates");
      };

  @Test
  void aMigrationWhoseClassesCannotBeLoadedYetIsTriedAgainInsteadOfFailingTheDeployment() {
    AtomicInteger attempts = new AtomicInteger();
    MigrateSchemaUseCase migrate =
        () -> {
          if (attempts.incrementAndGet() == 1) {
            throw new NoClassDefFoundError("org/flywaydb/core/Flyway");
          }
          return "6";
        };
    SchemaMigrationOnStartup startup =
        new SchemaMigrationOnStartup(migrate, NEVER_VERIFIED, settings(true), scheduler);

    startup.attempt();
    assertThat(scheduled).as("tried again later").hasSize(1);
    scheduled.getFirst().run();

    assertThat(attempts).hasValue(2);
    assertThat(scheduled).as("no third attempt once it succeeded").hasSize(1);
  }

  @Test
  void withoutMigratingOnStartItWaitsForTheSchemaAndNeverMigratesIt() {
    AtomicInteger checks = new AtomicInteger();
    VerifySchemaUseCase verify =
        () -> {
          if (checks.incrementAndGet() < 3) {
            throw new SchemaBehindException("9", "10");
          }
          return "10";
        };
    SchemaMigrationOnStartup startup =
        new SchemaMigrationOnStartup(NEVER_MIGRATED, verify, settings(false), scheduler);

    startup.attempt();
    scheduled.getLast().run();
    scheduled.getLast().run();

    assertThat(checks).hasValue(3);
    assertThat(scheduled).as("checked again until the schema was there, then no more").hasSize(2);
  }

  private static MigrationSettings settings(boolean migrateOnStart) {
    return new MigrationSettings(migrateOnStart);
  }
}
