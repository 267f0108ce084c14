package app.huberman.application.shared;

import java.time.Duration;

/** Too many attempts of this kind from this client; nothing was done. */
public final class RateLimitedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public RateLimitedException(Duration retryAfter) {
    super("Too many attempts; retry after " + retryAfter.toSeconds() + " s");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
