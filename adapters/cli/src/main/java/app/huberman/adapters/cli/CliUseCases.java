package app.huberman.adapters.cli;

import app.huberman.application.health.port.in.MigrateSchemaUseCase;
import app.huberman.application.job.port.in.ManageFailedJobsUseCase;
import app.huberman.application.user.port.in.MakeAdminUseCase;
import app.huberman.application.user.port.in.RevokeAdminUseCase;
import java.sql.SQLException;

/**
 * The use cases the commands call, the same inbound ports the REST resources call. Bootstrap
 * implements it (the CLI's composition root), building each use case only when a command asks for
 * it, so that {@code queue:failed} never boots Hibernate; this module therefore never sees an
 * adapter class. One instance serves one command line and is closed when it ends.
 */
public interface CliUseCases extends AutoCloseable {

  MigrateSchemaUseCase migrateSchema();

  ManageFailedJobsUseCase failedJobs();

  MakeAdminUseCase makeAdmin();

  RevokeAdminUseCase revokeAdmin();

  /**
   * Where the use cases connect (user, host, port and database, never the password), for the
   * message of a command that could not reach it.
   */
  String databaseDescription();

  /** Releases what the use cases opened (the database connection). */
  @Override
  void close() throws SQLException;
}
