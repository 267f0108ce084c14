package app.huberman.bootstrap.wiring;

import app.huberman.adapters.persistence.migration.FlywaySchemaMigrator;
import app.huberman.adapters.persistence.migration.PostgresServer;
import app.huberman.application.health.port.out.SchemaMigratorPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The container's JDBC pool (defined in {@code web.xml}), made injectable into the persistence
 * adapter. The transaction-scoped {@code EntityManager} of the only persistence unit is injectable
 * as it is (Jakarta EE 11).
 */
@ApplicationScoped
public class PersistenceWiring {

  static final String DATA_SOURCE = "java:app/jdbc/huberman";

  /** Looked up on first use: the pool is bound after CDI validates injection points. */
  @Produces
  @ApplicationScoped
  @SuppressWarnings("BanJNDI") // a constant name of our own resource, never user input
  public DataSource dataSource() {
    try {
      return (DataSource) new InitialContext().lookup(DATA_SOURCE);
    } catch (NamingException e) {
      throw new IllegalStateException("The data source " + DATA_SOURCE + " is not bound", e);
    }
  }

  @Produces
  @Singleton
  public SchemaMigratorPort schemaMigrator(PostgresServer server, DataSource dataSource) {
    return new FlywaySchemaMigrator(server, dataSource);
  }
}
