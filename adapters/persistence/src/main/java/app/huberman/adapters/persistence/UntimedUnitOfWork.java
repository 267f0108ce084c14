package app.huberman.adapters.persistence;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A unit of work on local transactions outside the application server (one-shot tools, tests),
 * where every transaction runs the same way: what uses it runs no long transactions, so the timeout
 * of a timed one is not enforced, and a read-only one is an ordinary one. Implementations give
 * {@link #atomically(Supplier)} and {@link #afterCommit(Runnable)}.
 */
public interface UntimedUnitOfWork extends UnitOfWorkPort {

  /** The timeout is not enforced. */
  @Override
  default <T> T atomically(Duration timeout, Supplier<T> work) {
    return atomically(work);
  }

  @Override
  default <T> T readOnly(Supplier<T> work) {
    return atomically(work);
  }
}
