package app.huberman.adapters.persistence;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A unit of work on plain JDBC, standing in for JTA in adapter tests: each thread's transaction has
 * one connection, which {@link #dataSource()} hands to the repositories, as the application server
 * does; outside a transaction it hands out the thread's connection in autocommit. The time limit of
 * a timed transaction is enforced by PostgreSQL's statement timeout.
 */
public final class TestTransactions implements UnitOfWorkPort, AutoCloseable {

  private final DataSource target;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();
  private final ThreadLocal<List<Runnable>> afterCommit = ThreadLocal.withInitial(ArrayList::new);

  /** One connection per thread, kept between transactions as a pool would (a new one costs ms). */
  private final ThreadLocal<Connection> kept = new ThreadLocal<>();

  private final List<Connection> opened = new CopyOnWriteArrayList<>();
  private final DataSource dataSource;

  public TestTransactions(DataSource target) {
    this.target = target;
    this.dataSource = LocalConnections.handingOut(target, this::connection);
  }

  /** The data source the adapters under test use. */
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public <T> T atomically(Supplier<T> work) {
    return run(work);
  }

  @Override
  public <T> T atomically(Duration timeout, Supplier<T> work) {
    return run(work);
  }

  @Override
  public <T> T readOnly(Supplier<T> work) {
    return run(work);
  }

  @Override
  public void afterCommit(Runnable action) {
    if (current.get() == null) {
      action.run();
    } else {
      afterCommit.get().add(action);
    }
  }

  private <T> T run(Supplier<T> work) {
    if (current.get() != null) {
      return work.get(); // joins the transaction already running, as REQUIRED does
    }
    try {
      Connection connection = keptConnection();
      connection.setAutoCommit(false);
      current.set(connection);
      try {
        T result = work.get();
        connection.commit();
        afterCommit.get().forEach(Runnable::run);
        return result;
      } catch (RuntimeException | Error e) {
        connection.rollback();
        throw e;
      } finally {
        afterCommit.remove();
        current.remove();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw ConnectionFailures.translated(e);
    } catch (RuntimeException e) {
      throw ConnectionFailures.translated(e);
    }
  }

  /**
   * The thread's transaction's connection or, outside a transaction, its kept connection in
   * autocommit, as a JTA data source hands out outside a transaction.
   */
  private Connection connection() throws SQLException {
    Connection transaction = current.get();
    return transaction != null ? transaction : keptConnection();
  }

  private Connection keptConnection() throws SQLException {
    Connection connection = kept.get();
    if (connection == null || connection.isClosed()) {
      connection = target.getConnection();
      kept.set(connection);
      opened.add(connection);
    }
    return connection;
  }

  @Override
  public void close() throws SQLException {
    for (Connection connection : opened) {
      connection.close();
    }
    opened.clear();
  }
}
