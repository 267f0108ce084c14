package app.huberman.adapters.persistence;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;

/** Tells a lost race with another transaction (optimistic lock, serialization, deadlock). */
public final class ConcurrentChanges {

  private ConcurrentChanges() {}

  public static boolean isConflict(Throwable failure) {
    for (Throwable cause = failure;
        cause != null && cause.getCause() != cause;
        cause = cause.getCause()) {
      if (cause instanceof OptimisticLockException
          || cause.getClass().getName().equals("org.hibernate.StaleObjectStateException")
          || cause.getClass().getName().equals("org.hibernate.StaleStateException")) {
        return true;
      }
      if (cause instanceof SQLException sql
          && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }
}
