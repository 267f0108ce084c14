package app.huberman.application.shared;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs work straight away and counts how it was asked to, for service tests. Like a real
 * transaction, one belongs to the thread that runs it: another thread's after-commit actions never
 * join it.
 */
public final class DirectUnitOfWork implements UnitOfWorkPort {

  private final AtomicInteger transactions = new AtomicInteger();
  private final AtomicInteger readOnlyTransactions = new AtomicInteger();
  private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
  private final ThreadLocal<List<Runnable>> afterCommit = ThreadLocal.withInitial(ArrayList::new);

  @Override
  public <T> T atomically(Supplier<T> work) {
    transactions.incrementAndGet();
    return run(work);
  }

  private <T> T run(Supplier<T> work) {
    depth.set(depth.get() + 1);
    boolean committed = false;
    try {
      T result = work.get();
      committed = true;
      return result;
    } finally {
      depth.set(depth.get() - 1);
      if (depth.get() == 0) {
        List<Runnable> actions = List.copyOf(afterCommit.get());
        afterCommit.get().clear();
        if (committed) {
          actions.forEach(Runnable::run);
        }
      }
    }
  }

  @Override
  public void afterCommit(Runnable action) {
    if (depth.get() == 0) {
      action.run();
    } else {
      afterCommit.get().add(action);
    }
  }

  @Override
  public <T> T atomically(Duration timeout, Supplier<T> work) {
    return atomically(work);
  }

  @Override
  public <T> T readOnly(Supplier<T> work) {
    readOnlyTransactions.incrementAndGet();
    return run(work);
  }

  public int transactions() {
    return transactions.get();
  }

  /** Whether the calling thread is inside a unit of work now. */
  public boolean inTransaction() {
    return depth.get() > 0;
  }

  public int readOnlyTransactions() {
    return readOnlyTransactions.get();
  }
}
