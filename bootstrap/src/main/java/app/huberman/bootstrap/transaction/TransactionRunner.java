package app.huberman.bootstrap.transaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs work inside a JTA transaction. Kept apart from {@link JtaUnitOfWork} so that failures of the
 * commit itself reach the caller's exception translation.
 */
@ApplicationScoped
public class TransactionRunner {

  @Transactional(Transactional.TxType.REQUIRED)
  public <T> T required(Supplier<T> work) {
    return work.get();
  }

  /**
   * Joins a transaction if there is one and starts none: a read needs no commit, and each query
   * gets a fresh persistence context from the transaction-scoped entity manager.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public <T> T supports(Supplier<T> work) {
    return work.get();
  }
}
