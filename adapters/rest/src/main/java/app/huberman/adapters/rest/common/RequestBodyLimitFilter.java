package app.huberman.adapters.rest.common;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;

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
    long declared = request.getLength();
    // A body within a declared limit is left for its reader; one of unknown length must be read.
    if (declared > RequestBodies.MAX_BODY_BYTES || (declared < 0 && request.hasEntity())) {
      RequestBodies.Read body = RequestBodies.read(request.getEntityStream(), declared);
      if (body.overTheLimit()) {
        abort(request, body.consumed());
        return;
      }
      request.setEntityStream(new ByteArrayInputStream(body.bytes()));
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
