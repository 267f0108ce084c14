package app.huberman.adapters.persistence;

import jakarta.persistence.EntityManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A unit of work on JPA's local transactions, standing in for JTA when a test runs a service on JPA
 * repositories from several threads: each thread's transaction has an entity manager of its own,
 * which the repositories made by {@link #port} use, as the container's transaction-scoped entity
 * manager does.
 */
public final class EntityManagerTransactions implements UntimedUnitOfWork {

  private final PostgresTestDatabase database;
  private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

  public EntityManagerTransactions(PostgresTestDatabase database) {
    this.database = database;
  }

  /** A port whose calls go to an adapter on the calling thread's current entity manager. */
  public <T> T port(Class<T> port, Function<EntityManager, ? extends T> adapter) {
    return port.cast(
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("equals")
                    ? proxy == args[0]
                    : method.getName().equals("hashCode")
                        ? System.identityHashCode(proxy)
                        : port.getSimpleName();
              }
              EntityManager entityManager = current.get();
              if (entityManager == null) {
                throw new IllegalStateException("Called outside a unit of work");
              }
              try {
                return method.invoke(adapter.apply(entityManager), args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }

  @Override
  public <T> T atomically(Supplier<T> work) {
    if (current.get() != null) {
      return work.get();
    }
    return database.inTransaction(
        entityManager -> {
          current.set(entityManager);
          try {
            return work.get();
          } finally {
            current.remove();
          }
        });
  }

  @Override
  public void afterCommit(Runnable action) {
    action.run();
  }
}
