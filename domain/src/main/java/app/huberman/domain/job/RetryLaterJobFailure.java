package app.huberman.domain.job;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure whose cause said when to try again (a provider's {@code Retry-After}, or its rate
 * limit): the next attempt waits at least {@link #notSooner()}, and longer if the job's backoff
 * says so. It counts as an attempt like any other failure.
 */
public class RetryLaterJobFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Duration notSooner;

  public RetryLaterJobFailure(String message, Duration notSooner) {
    super(message);
    Objects.requireNonNull(notSooner, "notSooner");
    if (notSooner.isNegative()) {
      throw new IllegalArgumentException("A retry cannot come before now: " + notSooner);
    }
    this.notSooner = notSooner;
  }

  /** The least time before the next attempt. */
  public Duration notSooner() {
    return notSooner;
  }
}
