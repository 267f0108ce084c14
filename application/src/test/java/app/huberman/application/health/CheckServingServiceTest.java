package app.huberman.application.health;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.health.port.in.CheckServingUseCase.Serving;
import app.huberman.application.health.service.CheckServingService;
import app.huberman.application.health.service.DrainInstanceService;
import app.huberman.application.health.service.Draining;
import app.huberman.application.health.service.MigrateSchemaService;
import app.huberman.application.health.service.MigratedSchema;
import org.junit.jupiter.api.Test;

class CheckServingServiceTest {

  @Test
  void startsThenServesOnceTheSchemaIsThereThenDrainsThenClosesForGood() {
    MigratedSchema migrated = new MigratedSchema();
    Draining draining = new Draining();
    CheckServingService serving = new CheckServingService(migrated, draining);

    assertThat(serving.serving()).isEqualTo(Serving.STARTING);

    new MigrateSchemaService(FakeSchemaMigrator.migratedTo("10"), migrated).migrateSchema();
    assertThat(serving.serving()).isEqualTo(Serving.SERVING);

    DrainInstanceService drain = new DrainInstanceService(draining);
    drain.beginDrain();
    assertThat(serving.serving()).isEqualTo(Serving.DRAINING);
    assertThat(serving.serving()).isEqualTo(Serving.DRAINING);

    drain.portClosed();
    assertThat(serving.serving()).isEqualTo(Serving.CLOSING);
    drain.beginDrain();
    assertThat(serving.serving()).isEqualTo(Serving.CLOSING);
  }
}
