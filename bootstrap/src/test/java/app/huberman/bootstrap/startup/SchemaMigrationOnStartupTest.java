package app.huberman.bootstrap.startup;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.health.port.in.MigrateSchemaUseCase;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SchemaMigrationOnStartupTest {

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
    List<Runnable> scheduled = new ArrayList<>();
    ManagedScheduledExecutorService scheduler =
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
    SchemaMigrationOnStartup startup = new SchemaMigrationOnStartup(migrate, scheduler);

    startup.attempt();
    assertThat(scheduled).as("tried again later").hasSize(1);
    scheduled.getFirst().run();

    assertThat(attempts).hasValue(2);
    assertThat(scheduled).as("no third attempt once it succeeded").hasSize(1);
  }
}
