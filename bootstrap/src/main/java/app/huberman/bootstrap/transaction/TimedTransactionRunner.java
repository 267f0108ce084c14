package app.huberman.bootstrap.transaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs work in a JTA transaction with a time limit: past it the transaction manager marks the
 * transaction for rollback, and the commit fails. For work that starts its own transaction (job
 * attempts), never inside another.
 */
@ApplicationScoped
public class TimedTransactionRunner {

  private UserTransaction transaction;

  /** For the CDI proxy only. */
  protected TimedTransactionRunner() {}

  @Inject
  public TimedTransactionRunner(UserTransaction transaction) {
    this.transaction = transaction;
  }

  public <T> T within(Duration limit, Supplier<T> work) {
    begin(limit);
    T result;
    try {
      result = work.get();
    } catch (RuntimeException | Error e) {
      rollbackQuietly(e);
      throw e;
    }
    commit(limit);
    return result;
  }

  private void begin(Duration limit) {
    try {
      transaction.setTransactionTimeout((int) Math.max(1, limit.toSeconds()));
      transaction.begin();
    } catch (NotSupportedException | SystemException e) {
      throw new IllegalStateException("Could not begin a transaction", e);
    } finally {
      resetTimeout();
    }
  }

  private void commit(Duration limit) {
    try {
      transaction.commit();
    } catch (RollbackException e) {
      throw new TransactionRolledBackException(
          "The transaction was rolled back; it may have run past its limit of " + limit, e);
    } catch (HeuristicMixedException | HeuristicRollbackException | SystemException e) {
      throw new TransactionRolledBackException("The commit failed", e);
    }
  }

  private void rollbackQuietly(Throwable cause) {
    try {
      if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
        transaction.rollback();
      }
    } catch (SystemException | IllegalStateException | SecurityException e) {
      cause.addSuppressed(e);
    }
  }

  private void resetTimeout() {
    try {
      transaction.setTransactionTimeout(0);
    } catch (SystemException e) {
      // Only affects the next transaction's default; nothing to undo.
    }
  }

  /** A transaction that could not commit. */
  public static final class TransactionRolledBackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TransactionRolledBackException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
