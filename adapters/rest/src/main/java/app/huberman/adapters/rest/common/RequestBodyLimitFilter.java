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
 *
 * <p>Most HTTP clients send the whole body before they read the answer, so a refused body is read
 * and discarded (up to {@value #MAX_DISCARDED_BYTES} bytes) for the client to see the 413; a larger
 * one gets the 413 with the connection closed.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestBodyLimitFilter implements ContainerRequestFilter {

  public static final int MAX_BODY_BYTES = 1024 * 1024;
  static final long MAX_DISCARDED_BYTES = 16L * 1024 * 1024;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (request.getLength() > MAX_BODY_BYTES) {
      abort(request, discard(request.getEntityStream(), request.getLength()));
      return;
    }
    if (request.getLength() < 0 && request.hasEntity()) {
      // Unknown length: read at most one byte past the limit to tell.
      InputStream body = request.getEntityStream();
      byte[] read = body.readNBytes(MAX_BODY_BYTES + 1);
      if (read.length > MAX_BODY_BYTES) {
        abort(request, discard(body, -1));
        return;
      }
      request.setEntityStream(new ByteArrayInputStream(read));
    }
  }

  /** Reads and drops the rest of the body; says whether all of it was consumed. */
  private static boolean discard(InputStream body, long declaredLength) throws IOException {
    if (declaredLength > MAX_DISCARDED_BYTES) {
      return false;
    }
    long skipped = body.skip(MAX_DISCARDED_BYTES);
    return skipped < MAX_DISCARDED_BYTES || body.read() < 0;
  }

  private static void abort(ContainerRequestContext request, boolean bodyConsumed) {
    var answer = ErrorResponses.error(413, ErrorResponses.standardMessage(413));
    if (!bodyConsumed) {
      answer.header("Connection", "close");
    }
    request.abortWith(answer.build());
  }
}
