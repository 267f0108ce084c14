package app.huberman.adapters.rest.common;

import app.huberman.application.shared.ConflictException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 409: another request changed the same data at the same moment; retrying is safe. */
@Provider
public class ConflictExceptionMapper implements ExceptionMapper<ConflictException> {

  @Override
  public Response toResponse(ConflictException exception) {
    // A concurrent change says nothing useful to the client; a conflict with the stored state does.
    String message =
        exception.getCause() == null ? exception.getMessage() : ErrorResponses.standardMessage(409);
    return ErrorResponses.error(409, message).build();
  }
}
