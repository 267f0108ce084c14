package app.huberman.application.subscription.service;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Side effects outside the database (evicting a cache, reporting an event) once the transaction has
 * committed. A failure there is logged and swallowed: the change is committed, and a reporter or
 * cache that fails must not make the caller think it was not.
 */
final class AfterCommit {

  private static final Logger LOG = Logger.getLogger(AfterCommit.class.getName());

  private AfterCommit() {}

  static void run(UnitOfWorkPort unitOfWork, String what, Runnable action) {
    unitOfWork.afterCommit(
        () -> {
          try {
            action.run();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "After commit: could not " + what, e);
          }
        });
  }
}
