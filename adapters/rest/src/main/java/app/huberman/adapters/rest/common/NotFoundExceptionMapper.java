package app.huberman.adapters.rest.common;

import app.huberman.application.shared.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 404 for something the request names that does not exist. */
@Provider
public class NotFoundExceptionMapper implements ExceptionMapper<NotFoundException> {

  @Override
  public Response toResponse(NotFoundException exception) {
    return ErrorResponses.error(404, ErrorResponses.standardMessage(404)).build();
  }
}
