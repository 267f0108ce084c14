package app.huberman.bootstrap.transaction;

import app.huberman.adapters.persistence.ConnectionFailures;
import app.huberman.application.shared.DependencyUnavailableException;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * One JTA transaction per use case. A failure to reach PostgreSQL, at any point up to and including
 * the commit, becomes {@link DependencyUnavailableException}; anything else passes through as is.
 */
@ApplicationScoped
public class JtaUnitOfWork implements UnitOfWorkPort {

  private TransactionRunner transactions;

  /** For the CDI proxy only. */
  protected JtaUnitOfWork() {}

  @Inject
  public JtaUnitOfWork(TransactionRunner transactions) {
    this.transactions = transactions;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return translated(work);
  }

  @Override
  public <T> T readOnly(Supplier<T> work) {
    return translated(work);
  }

  private <T> T translated(Supplier<T> work) {
    try {
      return transactions.required(work);
    } catch (DependencyUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      if (ConnectionFailures.isConnectionFailure(e)) {
        throw new DependencyUnavailableException("database", e);
      }
      throw e;
    }
  }
}
