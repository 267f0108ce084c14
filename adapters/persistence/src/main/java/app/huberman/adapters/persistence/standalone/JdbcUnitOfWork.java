package app.huberman.adapters.persistence.standalone;

import app.huberman.adapters.persistence.ConnectionFailures;
import app.huberman.adapters.persistence.LocalConnections;
import app.huberman.adapters.persistence.UntimedUnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A transaction boundary on plain JDBC for one-shot tools outside the server (the operator CLI),
 * standing in for JTA: one connection for the whole command, one local transaction per unit of
 * work. The JDBC adapters get that connection from {@link #dataSource()}, as they get the enlisted
 * one inside the server; closing it there does not close it here. Not thread-safe: a command runs
 * on one thread.
 */
public final class JdbcUnitOfWork implements UntimedUnitOfWork, AutoCloseable {

  private final DataSource target;
  private final DataSource dataSource;
  private final List<Runnable> afterCommit = new ArrayList<>();
  private Connection connection;
  private boolean inTransaction;

  public JdbcUnitOfWork(DataSource target) {
    this.target = target;
    this.dataSource = LocalConnections.handingOut(target, this::current);
  }

  /** The data source the adapters use: it hands out the command's connection. */
  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public <T> T atomically(Supplier<T> work) {
    if (inTransaction) {
      return work.get();
    }
    afterCommit.clear();
    inTransaction = true;
    try {
      Connection transaction = connect();
      T result;
      try {
        result = work.get();
        transaction.commit();
      } catch (SQLException | RuntimeException e) {
        rollback(transaction, e);
        throw e;
      }
      afterCommit.forEach(Runnable::run);
      return result;
    } catch (SQLException | RuntimeException e) {
      throw ConnectionFailures.translated(e);
    } finally {
      inTransaction = false;
      afterCommit.clear();
    }
  }

  @Override
  public void afterCommit(Runnable action) {
    if (inTransaction) {
      afterCommit.add(action);
    } else {
      action.run();
    }
  }

  private Connection current() throws SQLException {
    if (!inTransaction) {
      throw new IllegalStateException("The CLI's adapters run inside a unit of work only");
    }
    return connect();
  }

  private Connection connect() throws SQLException {
    if (connection == null) {
      connection = target.getConnection();
      connection.setAutoCommit(false);
    }
    return connection;
  }

  private static void rollback(Connection transaction, Exception failure) {
    try {
      transaction.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  @Override
  public void close() throws SQLException {
    if (connection != null) {
      connection.close();
    }
  }
}
