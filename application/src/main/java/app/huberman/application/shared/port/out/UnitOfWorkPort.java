package app.huberman.application.shared.port.out;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The transaction boundary of a use case: everything the work does through other ports commits
 * together or not at all. Bootstrap implements it on JTA; tests run the work directly.
 *
 * <p>Implementations translate a failure to reach a dependency (PostgreSQL down, a connection cut)
 * into {@link DependencyUnavailableException}, so callers can answer "try again later".
 */
public interface UnitOfWorkPort {

  /** Runs work that changes state, in one transaction. */
  <T> T atomically(Supplier<T> work);

  /**
   * Runs work that changes state, in one transaction that is rolled back if it has not committed
   * within {@code timeout}.
   */
  <T> T atomically(Duration timeout, Supplier<T> work);

  /**
   * Runs work that only reads, in one transaction. Says what the caller intends; implementations
   * may optimise for it but need not guard against writes.
   */
  <T> T readOnly(Supplier<T> work);

  /**
   * Runs {@code action} once the current transaction has committed, and not at all if it rolls
   * back: for side effects outside the database (evicting a cache) that must not run early. Outside
   * a transaction it runs at once. A failing action is the action's problem: it must not throw.
   */
  void afterCommit(Runnable action);
}
