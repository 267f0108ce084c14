package app.huberman.adapters.persistence;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Finds, in whatever Hibernate and the data source wrapped it in, PostgreSQL refusing a row because
 * a given unique constraint (or unique index) already holds its value.
 */
public final class UniqueViolations {

  /** SQLSTATE {@code unique_violation}. */
  static final String UNIQUE_VIOLATION = "23505";

  private UniqueViolations() {}

  public static boolean isViolationOf(Throwable failure, String constraint) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return names(sql, constraint);
      }
    }
    return false;
  }

  private static boolean names(SQLException violation, String constraint) {
    if (violation instanceof PSQLException postgres) {
      ServerErrorMessage message = postgres.getServerErrorMessage();
      if (message != null && message.getConstraint() != null) {
        return constraint.equals(message.getConstraint());
      }
    }
    // A wrapper that kept only the text: "... violates unique constraint "<name>"".
    return String.valueOf(violation.getMessage()).contains('"' + constraint + '"');
  }

  private static Throwable next(Throwable cause) {
    Throwable next = cause.getCause();
    if (next == null && cause instanceof SQLException sql) {
      next = sql.getNextException();
    }
    return next == cause ? null : next;
  }
}
