package app.huberman.adapters.persistence.standalone;

import app.huberman.adapters.persistence.ConnectionFailures;
import app.huberman.adapters.persistence.UntimedUnitOfWork;
import app.huberman.adapters.persistence.user.JpaUserRepository;
import app.huberman.application.shared.DependencyUnavailableException;
import app.huberman.application.user.port.out.UserRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The production persistence unit outside the application server, for one-shot tools (the operator
 * CLI) that must change a row without booting Payara: the same entities, mappers and repositories,
 * on local transactions over a plain {@link DataSource} instead of JTA. One entity manager serves
 * the owner's whole life; each unit of work is one local transaction on it. Not thread-safe.
 */
public final class StandalonePersistence implements UntimedUnitOfWork, AutoCloseable {

  private static final String UNIT = "huberman";

  private final EntityManagerFactory factory;
  private final EntityManager entityManager;
  private final List<Runnable> afterCommit = new ArrayList<>();

  private StandalonePersistence(EntityManagerFactory factory) {
    this.factory = factory;
    this.entityManager = factory.createEntityManager();
  }

  /**
   * @throws DependencyUnavailableException when the database cannot be reached
   */
  public static StandalonePersistence open(DataSource dataSource) {
    try {
      return new StandalonePersistence(
          Persistence.createEntityManagerFactory(
              UNIT,
              Map.of(
                  "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                  // Replaces the JNDI name of the JTA data source; used as a plain one.
                  "jakarta.persistence.jtaDataSource", dataSource,
                  "hibernate.transaction.jta.platform",
                      "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform")));
    } catch (RuntimeException e) {
      throw ConnectionFailures.translated(e);
    }
  }

  public UserRepository users() {
    return new JpaUserRepository(entityManager);
  }

  @Override
  public <T> T atomically(Supplier<T> work) {
    afterCommit.clear();
    try {
      entityManager.getTransaction().begin();
      T result = work.get();
      entityManager.getTransaction().commit();
      afterCommit.forEach(Runnable::run);
      return result;
    } catch (RuntimeException e) {
      throw ConnectionFailures.translated(e);
    } finally {
      if (entityManager.getTransaction().isActive()) {
        entityManager.getTransaction().rollback();
      }
      afterCommit.clear();
      // The next unit of work reads fresh rows, as a new transaction-scoped context would.
      entityManager.clear();
    }
  }

  @Override
  public void afterCommit(Runnable action) {
    if (entityManager.getTransaction().isActive()) {
      afterCommit.add(action);
    } else {
      action.run();
    }
  }

  @Override
  public void close() {
    try {
      entityManager.close();
    } finally {
      factory.close();
    }
  }
}
