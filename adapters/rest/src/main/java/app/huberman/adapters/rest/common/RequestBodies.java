package app.huberman.adapters.rest.common;

import java.io.IOException;
import java.io.InputStream;

/**
 * The limit on request bodies, one for the whole API, and how a refused body is disposed of. nginx
 * enforces the same limit in front of the app.
 *
 * <p>Most HTTP clients send the whole body before they read the answer, so a refused body is read
 * and discarded (up to {@value #MAX_DISCARDED_BYTES} bytes) for the client to see the 413; a larger
 * one gets the 413 with the connection closed.
 */
public final class RequestBodies {

  public static final int MAX_BODY_BYTES = 1024 * 1024;
  static final long MAX_DISCARDED_BYTES = 16L * 1024 * 1024;

  private RequestBodies() {}

  /**
   * Reads and drops the rest of a refused body.
   *
   * @param declaredLength the body's declared length, or -1 when unknown
   * @return whether all of it was consumed (if not, the connection must close after the answer)
   */
  public static boolean discard(InputStream body, long declaredLength) throws IOException {
    if (declaredLength > MAX_DISCARDED_BYTES) {
      return false;
    }
    long skipped = body.skip(MAX_DISCARDED_BYTES);
    return skipped < MAX_DISCARDED_BYTES || body.read() < 0;
  }
}
