package app.huberman.bootstrap.cli;

import app.huberman.adapters.monitoring.users.AdminAuditLog;
import app.huberman.adapters.persistence.job.JdbcFailedJobRepository;
import app.huberman.adapters.persistence.migration.FlywaySchemaMigrator;
import app.huberman.adapters.persistence.migration.PostgresServer;
import app.huberman.adapters.persistence.standalone.StandalonePersistence;
import app.huberman.application.health.port.in.MigrateSchemaUseCase;
import app.huberman.application.health.service.MigrateSchemaService;
import app.huberman.application.health.service.MigratedSchema;
import app.huberman.application.job.port.in.ManageFailedJobsUseCase;
import app.huberman.application.job.service.ManageFailedJobsService;
import app.huberman.application.user.port.in.MakeAdminUseCase;
import app.huberman.application.user.port.in.RevokeAdminUseCase;
import app.huberman.application.user.service.MakeAdminService;
import app.huberman.application.user.service.RevokeAdminService;
import app.huberman.bootstrap.wiring.JobWiring;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The CLI's wiring, the counterpart of {@code bootstrap.wiring} without a container: builds the use
 * case a command asks for from the persistence adapter's classes, on a plain JDBC data source, and
 * closes what it opened. Only what the command needs is built, so {@code queue:failed} never boots
 * Hibernate.
 */
final class CliOperations implements AutoCloseable {

  private final CliSettings settings;
  private final Clock clock;
  private JdbcUnitOfWork jdbc;
  private StandalonePersistence jpa;

  CliOperations(CliSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** Where the commands connect, for messages (never shows the password). */
  String databaseDescription() {
    PostgresServer server = settings.database();
    return server.username() + "@" + server.host() + ":" + server.port() + "/" + server.database();
  }

  MigrateSchemaUseCase migrateSchema() {
    PostgresServer server = settings.database();
    return new MigrateSchemaService(
        new FlywaySchemaMigrator(server, server.simpleDataSource()), new MigratedSchema());
  }

  ManageFailedJobsUseCase failedJobs() {
    if (jdbc == null) {
      jdbc = new JdbcUnitOfWork(settings.database().simpleDataSource());
    }
    return new ManageFailedJobsService(
        new JdbcFailedJobRepository(jdbc.dataSource()), jdbc, JobWiring.failedJobsKept());
  }

  MakeAdminUseCase makeAdmin() {
    return new MakeAdminService(jpa().users(), jpa(), new AdminAuditLog(), clock);
  }

  RevokeAdminUseCase revokeAdmin() {
    return new RevokeAdminService(jpa().users(), jpa(), new AdminAuditLog(), clock);
  }

  /** The JPA user repository on local transactions (Hibernate outside Payara). */
  private StandalonePersistence jpa() {
    if (jpa == null) {
      jpa = StandalonePersistence.open(settings.database().simpleDataSource());
    }
    return jpa;
  }

  @Override
  public void close() throws SQLException {
    try {
      if (jpa != null) {
        jpa.close();
      }
    } finally {
      if (jdbc != null) {
        jdbc.close();
      }
    }
  }
}
