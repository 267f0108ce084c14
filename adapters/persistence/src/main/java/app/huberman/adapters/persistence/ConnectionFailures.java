package app.huberman.adapters.persistence;

import app.huberman.application.shared.DependencyUnavailableException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure to reach PostgreSQL (worth a 503 and a retry) from a failure of the statement
 * itself (a bug, or a constraint doing its job).
 */
public final class ConnectionFailures {

  /** SQLSTATE class 08 is "connection exception"; 57P0x are shutdowns; 53300 too many clients. */
  private static final String CONNECTION_EXCEPTION_CLASS = "08";

  private ConnectionFailures() {}

  /**
   * What a unit of work outside the server throws for {@code failure}: {@link
   * DependencyUnavailableException} for a connection failure, the failure itself otherwise.
   */
  public static RuntimeException translated(Exception failure) {
    if (failure instanceof DependencyUnavailableException unavailable) {
      return unavailable;
    }
    if (isConnectionFailure(failure)) {
      return new DependencyUnavailableException("database", failure);
    }
    return failure instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException(failure);
  }

  public static boolean isConnectionFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SQLRecoverableException
          || cause instanceof ConnectException
          || cause instanceof NoRouteToHostException
          || cause instanceof UnknownHostException
          || cause instanceof SocketTimeoutException
          || cause instanceof SocketException) {
        return true;
      }
      if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
        return true;
      }
      if (isPoolExhaustion(cause)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isConnectionState(String state) {
    return state != null
        && (state.startsWith(CONNECTION_EXCEPTION_CLASS)
            || state.startsWith("57P0")
            || "53300".equals(state));
  }

  /** Payara's pool says it could not hand out a connection in time (the server hangs). */
  private static boolean isPoolExhaustion(Throwable cause) {
    String name = cause.getClass().getName();
    return name.endsWith("PoolingException")
        || name.endsWith("ResourceException")
            && String.valueOf(cause.getMessage()).contains("allocate");
  }

  private static Throwable next(Throwable cause) {
    Throwable next = cause.getCause();
    if (next == null && cause instanceof SQLException sql) {
      next = sql.getNextException();
    }
    return next == cause ? null : next;
  }
}
