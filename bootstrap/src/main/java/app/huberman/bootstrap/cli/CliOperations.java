package app.huberman.bootstrap.cli;

import app.huberman.adapters.persistence.job.JdbcFailedJobRepository;
import app.huberman.adapters.persistence.migration.FlywaySchemaMigrator;
import app.huberman.adapters.persistence.migration.PostgresServer;
import app.huberman.adapters.persistence.standalone.StandalonePersistence;
import app.huberman.application.health.port.in.MigrateSchemaUseCase;
import app.huberman.application.health.service.InstanceHealthService;
import app.huberman.application.job.port.in.ManageFailedJobsUseCase;
import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.job.service.FailedJobsService;
import app.huberman.application.user.port.in.MakeAdminUseCase;
import app.huberman.application.user.port.out.AccessTokenRepository;
import app.huberman.application.user.port.out.AuthenticationCachePort;
import app.huberman.application.user.port.out.CommonPasswordsPort;
import app.huberman.application.user.port.out.PasswordHasherPort;
import app.huberman.application.user.port.out.PasswordResetTokenRepository;
import app.huberman.application.user.port.out.RateLimiterPort;
import app.huberman.application.user.port.out.UserEventsPort;
import app.huberman.application.user.service.AccountPorts;
import app.huberman.application.user.service.UserAccountService;
import app.huberman.application.user.service.UserSettings;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
    return new InstanceHealthService(
        new FlywaySchemaMigrator(server, server.simpleDataSource()),
        List.of(),
        Duration.ZERO,
        Runnable::run); // migrating probes nothing
  }

  ManageFailedJobsUseCase failedJobs() {
    if (jdbc == null) {
      jdbc = new JdbcUnitOfWork(settings.database().simpleDataSource());
    }
    return new FailedJobsService(new JdbcFailedJobRepository(jdbc.dataSource()), jdbc);
  }

  /**
   * The account service with the JPA user repository on local transactions; the ports promoting an
   * admin does not use are {@link NotInTheCli stand-ins}.
   */
  MakeAdminUseCase makeAdmin() {
    if (jpa == null) {
      jpa = StandalonePersistence.open(settings.database().simpleDataSource());
    }
    AccountPorts ports =
        new AccountPorts(
            jpa.users(),
            NotInTheCli.port(AccessTokenRepository.class),
            NotInTheCli.port(PasswordResetTokenRepository.class),
            NotInTheCli.port(PasswordHasherPort.class),
            NotInTheCli.port(CommonPasswordsPort.class),
            NotInTheCli.port(RateLimiterPort.class),
            NotInTheCli.port(JobQueuePort.class),
            NotInTheCli.port(UserEventsPort.class),
            NotInTheCli.port(AuthenticationCachePort.class),
            jpa,
            clock);
    UserSettings userSettings =
        new UserSettings(
            Duration.parse(settings.value("AUTH_TOKEN_TTL", "P7D")),
            settings.value("PASSWORD_RESET_URL", "https://huberman.app/reset-password"),
            Optional.empty());
    return new UserAccountService(ports, userSettings);
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
