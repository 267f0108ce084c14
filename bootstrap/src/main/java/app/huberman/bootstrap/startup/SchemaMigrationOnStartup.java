package app.huberman.bootstrap.startup;

import app.huberman.application.health.port.in.MigrateSchemaUseCase;
import app.huberman.application.shared.DependencyUnavailableException;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Migrates the schema as the application starts, before it reports itself started. When PostgreSQL
 * is not reachable yet (containers start in any order) it tries again every few seconds instead of
 * failing the deployment; until then the instance is neither started nor ready.
 */
@ApplicationScoped
public class SchemaMigrationOnStartup {

  static final long RETRY_SECONDS = 5;
  private static final Logger LOG = Logger.getLogger(SchemaMigrationOnStartup.class.getName());

  private MigrateSchemaUseCase migrateSchema;
  private ManagedScheduledExecutorService scheduler;

  /** For the CDI proxy only. */
  protected SchemaMigrationOnStartup() {}

  @Inject
  public SchemaMigrationOnStartup(
      MigrateSchemaUseCase migrateSchema, ManagedScheduledExecutorService scheduler) {
    this.migrateSchema = migrateSchema;
    this.scheduler = scheduler;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    attempt();
  }

  void attempt() {
    try {
      String version = migrateSchema.migrateSchema();
      LOG.log(Level.INFO, "Database schema is at version {0}", version);
    } catch (DependencyUnavailableException e) {
      LOG.log(
          Level.WARNING,
          "The database is not reachable yet; migrating again in {0} s",
          String.valueOf(RETRY_SECONDS));
      scheduler.schedule(this::attempt, RETRY_SECONDS, TimeUnit.SECONDS);
    } catch (LinkageError | java.util.ServiceConfigurationError e) {
      // Seen once on Payara 7.2026.11, when a request arrived while the application's resources
      // were still being set up: the migration's classes or services could not be loaded yet. An
      // Error here would fail the whole deployment; a later attempt finds them.
      LOG.log(
          Level.WARNING,
          "Loading the migration's classes failed; migrating again in " + RETRY_SECONDS + " s",
          e);
      scheduler.schedule(this::attempt, RETRY_SECONDS, TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Migrating the database schema failed; the instance will not start", e);
    }
  }
}
