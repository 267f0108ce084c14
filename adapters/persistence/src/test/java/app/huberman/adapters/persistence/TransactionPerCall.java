package app.huberman.adapters.persistence;

import jakarta.persistence.EntityManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Function;

/**
 * A port whose every call runs in a transaction of its own, on a new entity manager and a new
 * adapter, as a use case's unit of work runs one call: what a contract test needs, since it calls
 * the port directly.
 */
public final class TransactionPerCall {

  private TransactionPerCall() {}

  public static <T> T of(
      Class<T> port, PostgresTestDatabase database, Function<EntityManager, ? extends T> adapter) {
    return port.cast(
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                  case "equals" -> proxy == args[0];
                  case "hashCode" -> System.identityHashCode(proxy);
                  default -> port.getSimpleName() + " with a transaction per call";
                };
              }
              return database.inTransaction(
                  entityManager -> {
                    try {
                      return method.invoke(adapter.apply(entityManager), args);
                    } catch (InvocationTargetException e) {
                      throw unchecked(e.getCause());
                    } catch (IllegalAccessException e) {
                      throw new IllegalStateException(e);
                    }
                  });
            }));
  }

  private static RuntimeException unchecked(Throwable failure) {
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(failure);
  }
}
