package app.huberman.bootstrap.startup;

import app.huberman.adapters.monitoring.logging.EventLog;
import app.huberman.application.health.port.in.MigrateSchemaUseCase;
import app.huberman.application.health.port.in.VerifySchemaUseCase;
import app.huberman.application.health.port.out.SchemaBehindException;
import app.huberman.application.shared.DependencyUnavailableException;
import app.huberman.bootstrap.config.MigrationSettings;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the schema to this build's version as the application starts, before it reports itself
 * started: it migrates ({@code MIGRATE_ON_START=true}, one instance), or it waits until the
 * operator CLI's {@code migrate} has run ({@code false}, several instances: migrations then are a
 * step of the deployment, not a race between starting instances). When PostgreSQL is not reachable
 * yet (containers start in any order), or the schema is still behind, it tries again every few
 * seconds instead of failing the deployment; until then the instance is neither started nor ready,
 * and its API answers 503.
 */
@ApplicationScoped
public class SchemaMigrationOnStartup {

  static final long RETRY_SECONDS = 5;
  private static final Logger LOG = Logger.getLogger(SchemaMigrationOnStartup.class.getName());

  private MigrateSchemaUseCase migrateSchema;
  private VerifySchemaUseCase verifySchema;
  private MigrationSettings settings;
  private ManagedScheduledExecutorService scheduler;

  /** For the CDI proxy only. */
  protected SchemaMigrationOnStartup() {}

  @Inject
  public SchemaMigrationOnStartup(
      MigrateSchemaUseCase migrateSchema,
      VerifySchemaUseCase verifySchema,
      MigrationSettings settings,
      ManagedScheduledExecutorService scheduler) {
    this.migrateSchema = migrateSchema;
    this.verifySchema = verifySchema;
    this.settings = settings;
    this.scheduler = scheduler;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    attempt();
  }

  void attempt() {
    try {
      String version =
          settings.migrateOnStart() ? migrateSchema.migrateSchema() : verifySchema.verifySchema();
      LOG.log(Level.INFO, "Database schema is at version {0}", version);
    } catch (SchemaBehindException e) {
      EventLog.emit(
          LOG,
          Level.WARNING,
          "schema.waiting",
          Map.of("reason", e.getMessage(), "retry_seconds", RETRY_SECONDS));
      retryLater();
    } catch (DependencyUnavailableException e) {
      LOG.log(
          Level.WARNING,
          "The database is not reachable yet; trying again in {0} s",
          String.valueOf(RETRY_SECONDS));
      retryLater();
    } catch (LinkageError | java.util.ServiceConfigurationError e) {
      // Seen once on Payara 7.2026.11, when a request arrived while the application's resources
      // were still being set up: the migration's classes or services could not be loaded yet. An
      // Error here would fail the whole deployment; a later attempt finds them.
      LOG.log(
          Level.WARNING,
          "Loading the migration's classes failed; migrating again in " + RETRY_SECONDS + " s",
          e);
      retryLater();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Migrating the database schema failed; the instance will not start", e);
    }
  }

  private void retryLater() {
    scheduler.schedule(this::attempt, RETRY_SECONDS, TimeUnit.SECONDS);
  }
}
