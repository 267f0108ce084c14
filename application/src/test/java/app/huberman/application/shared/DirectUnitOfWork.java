package app.huberman.application.shared;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import java.time.Duration;
import java.util.function.Supplier;

/** Runs work straight away and counts how it was asked to, for service tests. */
public final class DirectUnitOfWork implements UnitOfWorkPort {

  private int transactions;
  private int readOnlyTransactions;

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    transactions++;
    return work.get();
  }

  @Override
  public <T> T inTransaction(Duration timeout, Supplier<T> work) {
    return inTransaction(work);
  }

  @Override
  public <T> T readOnly(Supplier<T> work) {
    readOnlyTransactions++;
    return work.get();
  }

  public int transactions() {
    return transactions;
  }

  public int readOnlyTransactions() {
    return readOnlyTransactions;
  }
}
