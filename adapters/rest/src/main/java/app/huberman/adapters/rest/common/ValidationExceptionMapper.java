package app.huberman.adapters.rest.common;

import app.huberman.application.shared.ValidationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 422 with the fields and what is wrong with each. */
@Provider
public class ValidationExceptionMapper implements ExceptionMapper<ValidationException> {

  static final String MESSAGE = "The given data was invalid.";

  @Override
  public Response toResponse(ValidationException exception) {
    return Response.status(422)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorResponse(MESSAGE, exception.errors()))
        .build();
  }
}
