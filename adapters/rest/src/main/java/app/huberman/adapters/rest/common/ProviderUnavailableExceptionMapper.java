package app.huberman.adapters.rest.common;

import app.huberman.application.shared.ProviderUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A payment provider's API or key endpoint could not be reached: 503 with {@code Retry-After}, so
 * the app (or the provider, for a webhook) tries again.
 */
@Provider
public class ProviderUnavailableExceptionMapper
    implements ExceptionMapper<ProviderUnavailableException> {

  private static final Logger LOG =
      Logger.getLogger(ProviderUnavailableExceptionMapper.class.getName());

  @Override
  public Response toResponse(ProviderUnavailableException exception) {
    logAnswered(exception);
    return ErrorResponses.unavailable().build();
  }

  /** The log line of a 503, also for the endpoints served outside JAX-RS. */
  public static void logAnswered(ProviderUnavailableException exception) {
    LOG.log(
        Level.WARNING,
        "Answered 503: a payment provider is unavailable ({0})",
        exception.getMessage());
  }
}
