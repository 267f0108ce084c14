package app.huberman.bootstrap.transaction;

import app.huberman.adapters.persistence.ConcurrentChanges;
import app.huberman.adapters.persistence.ConnectionFailures;
import app.huberman.application.shared.ConflictException;
import app.huberman.application.shared.DependencyUnavailableException;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One JTA transaction per use case. A failure to reach PostgreSQL, at any point up to and including
 * the commit, becomes {@link DependencyUnavailableException}; losing a race with another
 * transaction becomes {@link ConflictException} (409); anything else passes through as is.
 */
@ApplicationScoped
public class JtaUnitOfWork implements UnitOfWorkPort {

  private TransactionRunner transactions;
  private TimedTransactionRunner timedTransactions;

  @Resource private TransactionSynchronizationRegistry synchronizations;

  /** For the CDI proxy only. */
  protected JtaUnitOfWork() {}

  @Inject
  public JtaUnitOfWork(TransactionRunner transactions, TimedTransactionRunner timedTransactions) {
    this.transactions = transactions;
    this.timedTransactions = timedTransactions;
  }

  @Override
  public <T> T atomically(Supplier<T> work) {
    return translated(() -> transactions.required(work));
  }

  @Override
  public <T> T atomically(Duration timeout, Supplier<T> work) {
    return translated(() -> timedTransactions.within(timeout, work));
  }

  @Override
  public <T> T readOnly(Supplier<T> work) {
    return translated(() -> transactions.supports(work));
  }

  @Override
  public void afterCommit(Runnable action) {
    if (synchronizations.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
      action.run();
      return;
    }
    synchronizations.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              action.run();
            }
          }
        });
  }

  private static <T> T translated(Supplier<T> transaction) {
    try {
      return transaction.get();
    } catch (DependencyUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      if (ConnectionFailures.isConnectionFailure(e)) {
        throw new DependencyUnavailableException("database", e);
      }
      if (ConcurrentChanges.isConflict(e)) {
        throw new ConflictException(e);
      }
      throw e;
    }
  }
}
