package app.huberman.adapters.rest.common;

import app.huberman.application.shared.RateLimitedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 429 with {@code Retry-After} in whole seconds. */
@Provider
public class RateLimitedExceptionMapper implements ExceptionMapper<RateLimitedException> {

  @Override
  public Response toResponse(RateLimitedException exception) {
    long seconds = Math.max(1, (exception.retryAfter().toMillis() + 999) / 1000);
    return ErrorResponses.error(429, ErrorResponses.standardMessage(429))
        .header(HttpHeaders.RETRY_AFTER, seconds)
        .build();
  }
}
