package app.huberman.adapters.rest.common;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not JSON, or JSON of the wrong shape for the request record: 400. */
@Provider
public class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {

  @Override
  public Response toResponse(JsonbException exception) {
    return ErrorResponses.error(400, ErrorResponses.standardMessage(400)).build();
  }
}
