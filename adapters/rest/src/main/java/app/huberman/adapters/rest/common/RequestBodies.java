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
   * A body read against the limit.
   *
   * @param bytes the whole body, when within the limit; null when over it
   * @param consumed when over the limit, whether the rest was read and dropped (if not, the
   *     connection must close after the 413)
   */
  public record Read(byte[] bytes, boolean consumed) {
    public boolean overTheLimit() {
      return bytes == null;
    }
  }

  /**
   * Reads the whole body, or, if it is over the limit, reads and drops it (as far as {@link
   * #MAX_DISCARDED_BYTES} allows).
   *
   * @param declaredLength the body's declared length, or -1 when unknown (sent in chunks)
   */
  public static Read read(InputStream body, long declaredLength) throws IOException {
    if (declaredLength > MAX_BODY_BYTES) {
      return new Read(null, discard(body, declaredLength));
    }
    if (declaredLength >= 0) {
      // The container ends the stream at the declared length: read that much, in one array of its
      // size rather than in buffers of a megabyte's worth of reading.
      return new Read(body.readNBytes((int) declaredLength), true);
    }
    byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1); // one byte past the limit tells
    if (bytes.length > MAX_BODY_BYTES) {
      return new Read(null, discard(body, -1));
    }
    return new Read(bytes, true);
  }

  private static boolean discard(InputStream body, long declaredLength) throws IOException {
    if (declaredLength > MAX_DISCARDED_BYTES) {
      return false;
    }
    long skipped = body.skip(MAX_DISCARDED_BYTES);
    return skipped < MAX_DISCARDED_BYTES || body.read() < 0;
  }
}
