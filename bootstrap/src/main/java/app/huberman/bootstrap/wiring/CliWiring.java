package app.huberman.bootstrap.wiring;

import app.huberman.adapters.cli.CliUseCases;
import app.huberman.adapters.cli.OperatorCli;
import app.huberman.adapters.cli.ServerStarter;
import app.huberman.adapters.monitoring.users.AdminAuditLog;
import app.huberman.adapters.persistence.job.JdbcFailedJobRepository;
import app.huberman.adapters.persistence.migration.FlywaySchemaMigrator;
import app.huberman.adapters.persistence.migration.PostgresServer;
import app.huberman.adapters.persistence.standalone.JdbcUnitOfWork;
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
import app.huberman.bootstrap.config.CliEnvironment;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The operator CLI's composition root, the counterpart of the CDI producers without a container:
 * builds the use case a command asks for from the persistence adapter's classes, on a plain JDBC
 * data source, and closes what it opened. Only what the command needs is built, so {@code
 * queue:failed} never boots Hibernate. The launcher's {@code OperatorCliLoader} calls {@link #run}.
 */
public final class CliWiring implements CliUseCases {

  private final CliEnvironment settings;
  private final Clock clock;
  private JdbcUnitOfWork jdbc;
  private StandalonePersistence jpa;

  CliWiring(CliEnvironment settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * The launcher's entry point, called across class loaders, hence JDK types only.
   *
   * @param server starts Payara Micro in this process with these settings and arguments
   * @return the exit status; the caller exits with it unless the server was started
   */
  public static int run(
      String[] args,
      Map<String, String> environment,
      BiConsumer<Map<String, String>, List<String>> server) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    return execute(args, environment, out, err, server::accept, Clock.systemUTC());
  }

  static int execute(
      String[] args,
      Map<String, String> environment,
      PrintWriter out,
      PrintWriter err,
      ServerStarter server,
      Clock clock) {
    CliEnvironment settings = new CliEnvironment(environment);
    // Microseconds, as PostgreSQL stores them (the server's clock does the same).
    Clock micros = Clock.tick(clock, Duration.ofNanos(1_000));
    return OperatorCli.execute(args, new CliWiring(settings, micros), settings, out, err, server);
  }

  @Override
  public String databaseDescription() {
    PostgresServer server = settings.database();
    return server.username() + "@" + server.host() + ":" + server.port() + "/" + server.database();
  }

  @Override
  public MigrateSchemaUseCase migrateSchema() {
    PostgresServer server = settings.database();
    return new MigrateSchemaService(
        new FlywaySchemaMigrator(server, server.simpleDataSource()), new MigratedSchema());
  }

  @Override
  public ManageFailedJobsUseCase failedJobs() {
    if (jdbc == null) {
      jdbc = new JdbcUnitOfWork(settings.database().simpleDataSource());
    }
    return new ManageFailedJobsService(
        new JdbcFailedJobRepository(jdbc.dataSource()), jdbc, JobWiring.failedJobsKept());
  }

  @Override
  public MakeAdminUseCase makeAdmin() {
    return new MakeAdminService(jpa().users(), jpa(), new AdminAuditLog(), clock);
  }

  @Override
  public RevokeAdminUseCase revokeAdmin() {
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
