package app.huberman.bootstrap.startup;

import app.huberman.application.health.port.in.MigrateSchemaUseCase;
import app.huberman.application.shared.DependencyUnavailableException;
import app.huberman.application.user.port.in.MakeAdminUseCase;
import app.huberman.application.user.service.UserSettings;
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
  private MakeAdminUseCase makeAdmin;
  private UserSettings userSettings;
  private ManagedScheduledExecutorService scheduler;

  /** For the CDI proxy only. */
  protected SchemaMigrationOnStartup() {}

  @Inject
  public SchemaMigrationOnStartup(
      MigrateSchemaUseCase migrateSchema,
      MakeAdminUseCase makeAdmin,
      UserSettings userSettings,
      ManagedScheduledExecutorService scheduler) {
    this.migrateSchema = migrateSchema;
    this.makeAdmin = makeAdmin;
    this.userSettings = userSettings;
    this.scheduler = scheduler;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    attempt();
  }

  /**
   * ADMIN_EMAIL: that account, if it exists yet, gets the admin role (registering gives it too).
   */
  private void applyAdminEmail(String email) {
    if (makeAdmin.makeAdmin(email)) {
      LOG.info("The account of ADMIN_EMAIL has the admin role");
    }
  }

  void attempt() {
    try {
      String version = migrateSchema.migrateSchema();
      LOG.log(Level.INFO, "Database schema is at version {0}", version);
      userSettings.adminEmail().ifPresent(this::applyAdminEmail);
    } catch (DependencyUnavailableException e) {
      LOG.log(
          Level.WARNING,
          "The database is not reachable yet; migrating again in {0} s",
          String.valueOf(RETRY_SECONDS));
      scheduler.schedule(this::attempt, RETRY_SECONDS, TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Migrating the database schema failed; the instance will not start", e);
    }
  }
}
