package app.huberman.adapters.rest.common;

import app.huberman.application.shared.DependencyUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** PostgreSQL (or another dependency) cannot be reached: 503 with {@code Retry-After}. */
@Provider
public class DependencyUnavailableExceptionMapper
    implements ExceptionMapper<DependencyUnavailableException> {

  private static final Logger LOG =
      Logger.getLogger(DependencyUnavailableExceptionMapper.class.getName());

  @Override
  public Response toResponse(DependencyUnavailableException exception) {
    logAnswered(exception);
    return ErrorResponses.unavailable().build();
  }

  /** The log line of a 503, also for the endpoints served outside JAX-RS. */
  public static void logAnswered(DependencyUnavailableException exception) {
    LOG.log(
        Level.WARNING,
        "Answered 503: {0} is unavailable ({1})",
        new Object[] {exception.dependency(), rootMessage(exception)});
  }

  private static String rootMessage(Throwable exception) {
    Throwable root = exception;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
