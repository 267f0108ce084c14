package app.huberman.adapters.rest.common;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS wraps a failure to read the request body in a {@link ProcessingException}: a body that is
 * not JSON, or JSON of the wrong types, is the client's mistake (400); anything else is a bug
 * (500).
 */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

  private final UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper();

  @Override
  public Response toResponse(ProcessingException exception) {
    if (isUnreadableJson(exception)) {
      return ErrorResponses.error(400, ErrorResponses.standardMessage(400)).build();
    }
    return unexpected.toResponse(exception);
  }

  static boolean isUnreadableJson(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonbException
          || cause instanceof JsonException
          || thrownByTheJsonParser(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }

  /**
   * The JSON parser (Parsson) reports some input it refuses, nesting deeper than its limit among
   * them, with a plain {@code RuntimeException}: whatever it throws itself is about the body.
   */
  private static boolean thrownByTheJsonParser(Throwable cause) {
    StackTraceElement[] stack = cause.getStackTrace();
    return stack.length > 0 && stack[0].getClassName().startsWith("org.eclipse.parsson.");
  }
}
