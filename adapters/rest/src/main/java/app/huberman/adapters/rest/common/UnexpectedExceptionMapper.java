package app.huberman.adapters.rest.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything no other mapper claims is a bug: log it with its stack trace, answer 500 without
 * internals.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    logUnexpected(exception);
    return ErrorResponses.error(500, ErrorResponses.standardMessage(500)).build();
  }

  /** The log line of a 500, also for the endpoints served outside JAX-RS. */
  public static void logUnexpected(Throwable exception) {
    LOG.log(Level.SEVERE, "Unexpected failure while handling a request", exception);
  }
}
