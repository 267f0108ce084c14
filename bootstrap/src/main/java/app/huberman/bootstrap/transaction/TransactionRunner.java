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
}
