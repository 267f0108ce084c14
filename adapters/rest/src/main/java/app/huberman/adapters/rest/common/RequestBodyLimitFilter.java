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
 * Refuses request bodies over {@link RequestBodies#MAX_BODY_BYTES} bytes with 413, whether the
 * client declared the length or sent the body in chunks (see {@link RequestBodies}).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestBodyLimitFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (request.getLength() > RequestBodies.MAX_BODY_BYTES) {
      abort(request, RequestBodies.discard(request.getEntityStream(), request.getLength()));
      return;
    }
    if (request.getLength() < 0 && request.hasEntity()) {
      // Unknown length: read at most one byte past the limit to tell.
      InputStream body = request.getEntityStream();
      byte[] read = body.readNBytes(RequestBodies.MAX_BODY_BYTES + 1);
      if (read.length > RequestBodies.MAX_BODY_BYTES) {
        abort(request, RequestBodies.discard(body, -1));
        return;
      }
      request.setEntityStream(new ByteArrayInputStream(read));
    }
  }

  private static void abort(ContainerRequestContext request, boolean bodyConsumed) {
    var answer = ErrorResponses.error(413, ErrorResponses.standardMessage(413));
    if (!bodyConsumed) {
      answer.header("Connection", "close");
    }
    request.abortWith(answer.build());
  }
}
