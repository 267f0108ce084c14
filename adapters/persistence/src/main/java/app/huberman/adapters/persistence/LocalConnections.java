package app.huberman.adapters.persistence;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Plain-JDBC stand-ins for what the application server does with a transaction's connection, for
 * units of work outside the server (the operator CLI, adapter tests): a data source that hands the
 * adapters the transaction's connection, and handles whose {@code close} leaves it open.
 */
public final class LocalConnections {

  /** The transaction's connection, or null when there is none (then the target is used). */
  @FunctionalInterface
  public interface Current {
    Connection get() throws SQLException;
  }

  private LocalConnections() {}

  /**
   * A data source whose {@code getConnection} answers the current transaction's connection (as a
   * handle that does not close it), and otherwise behaves as {@code target}.
   */
  public static DataSource handingOut(DataSource target, Current current) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                Connection transaction = current.get();
                if (transaction != null) {
                  return unclosable(transaction);
                }
              }
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** A handle on {@code connection} whose {@code close} does nothing. */
  public static Connection unclosable(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                return null;
              }
              try {
                return method.invoke(connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
