package app.huberman.application.shared;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Runs work straight away and counts how it was asked to, for service tests. */
public final class DirectUnitOfWork implements UnitOfWorkPort {

  private int transactions;
  private int readOnlyTransactions;
  private int singleStatements;
  private int depth;
  private final List<Runnable> afterCommit = new ArrayList<>();

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    transactions++;
    return run(work);
  }

  private <T> T run(Supplier<T> work) {
    depth++;
    boolean committed = false;
    try {
      T result = work.get();
      committed = true;
      return result;
    } finally {
      depth--;
      if (depth == 0) {
        List<Runnable> actions = List.copyOf(afterCommit);
        afterCommit.clear();
        if (committed) {
          actions.forEach(Runnable::run);
        }
      }
    }
  }

  @Override
  public void afterCommit(Runnable action) {
    if (depth == 0) {
      action.run();
    } else {
      afterCommit.add(action);
    }
  }

  @Override
  public <T> T inTransaction(Duration timeout, Supplier<T> work) {
    return inTransaction(work);
  }

  @Override
  public <T> T readOnly(Supplier<T> work) {
    readOnlyTransactions++;
    return run(work);
  }

  @Override
  public <T> T singleStatement(Supplier<T> work) {
    singleStatements++;
    return work.get();
  }

  public int transactions() {
    return transactions;
  }

  public int readOnlyTransactions() {
    return readOnlyTransactions;
  }

  /** Units of work run as one statement outside any transaction. */
  public int singleStatements() {
    return singleStatements;
  }
}
