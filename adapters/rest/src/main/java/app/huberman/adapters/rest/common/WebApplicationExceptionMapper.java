package app.huberman.adapters.rest.common;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Answers the errors JAX-RS raises itself (unknown route, wrong method, unsupported media type,
 * unreadable body) with the contract's JSON body, keeping headers such as {@code Allow}.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  private static final List<String> KEPT_HEADERS =
      List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER);

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    int status = original.getStatus();
    Response.ResponseBuilder answer =
        ErrorResponses.error(status, ErrorResponses.standardMessage(status));
    for (String header : KEPT_HEADERS) {
      String value = original.getHeaderString(header);
      if (value != null) {
        answer.header(header, value);
      }
    }
    return answer.build();
  }
}
