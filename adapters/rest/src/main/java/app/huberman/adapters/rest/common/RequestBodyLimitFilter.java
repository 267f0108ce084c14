package app.huberman.adapters.rest.common;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over {@value #MAX_BODY_BYTES} bytes with 413, whether the client declared
 * the length or sent the body in chunks. nginx enforces the same limit in front of the app.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestBodyLimitFilter implements ContainerRequestFilter {

  public static final int MAX_BODY_BYTES = 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (request.getLength() > MAX_BODY_BYTES) {
      abort(request);
      return;
    }
    if (request.getLength() < 0 && request.hasEntity()) {
      // Unknown length: read at most one byte past the limit to tell.
      InputStream body = request.getEntityStream();
      byte[] read = body.readNBytes(MAX_BODY_BYTES + 1);
      if (read.length > MAX_BODY_BYTES) {
        abort(request);
        return;
      }
      request.setEntityStream(new ByteArrayInputStream(read));
    }
  }

  private static void abort(ContainerRequestContext request) {
    request.abortWith(ErrorResponses.error(413, ErrorResponses.standardMessage(413)).build());
  }
}
