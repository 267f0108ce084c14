package app.huberman.adapters.rest.common;

import app.huberman.application.user.port.in.InvalidCredentialsException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 401 {@code {"message": "Invalid credentials"}}, the same for a wrong email and a wrong password.
 */
@Provider
public class InvalidCredentialsExceptionMapper
    implements ExceptionMapper<InvalidCredentialsException> {

  static final String MESSAGE = "Invalid credentials";

  @Override
  public Response toResponse(InvalidCredentialsException exception) {
    return ErrorResponses.error(401, MESSAGE).build();
  }
}
