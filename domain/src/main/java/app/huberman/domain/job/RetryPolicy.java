package app.huberman.domain.job;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When a failed job runs again: after {@code initialDelay}, doubling with each attempt up to {@code
 * maxDelay}, with jitter so that jobs failing together do not retry together. Half of each delay is
 * fixed and half random, so a retry never comes sooner than half the nominal delay.
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay) {

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(Duration.ofSeconds(10), Duration.ofHours(1));

  public RetryPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (initialDelay.isNegative() || initialDelay.isZero()) {
      throw new IllegalArgumentException("The first retry delay must be positive");
    }
    if (maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("The longest retry delay is shorter than the first");
    }
  }

  /** The nominal delay after {@code attemptsMade} failed attempts, before jitter. */
  public Duration nominalDelay(int attemptsMade) {
    if (attemptsMade < 1) {
      throw new IllegalArgumentException("No attempt was made yet");
    }
    int doublings = Math.min(attemptsMade - 1, 62);
    long millis = initialDelay.toMillis();
    long capped = maxDelay.toMillis();
    long delay = doublings >= Long.numberOfLeadingZeros(millis) - 1 ? capped : millis << doublings;
    return Duration.ofMillis(Math.min(delay, capped));
  }

  /** The delay before the next attempt, between half the nominal delay and all of it. */
  public Duration delayAfter(int attemptsMade, RandomGenerator random) {
    long nominal = nominalDelay(attemptsMade).toMillis();
    long half = nominal / 2;
    return Duration.ofMillis(half + random.nextLong(nominal - half + 1));
  }

  /**
   * What to do with a job whose attempt just failed.
   *
   * @param attemptsMade attempts made so far, this one included
   * @param permanent whether the failure says another attempt cannot succeed
   */
  public FailureVerdict afterFailure(
      int attemptsMade, int maxAttempts, boolean permanent, RandomGenerator random) {
    return afterFailure(attemptsMade, maxAttempts, permanent, Duration.ZERO, random);
  }

  /**
   * As {@link #afterFailure(int, int, boolean, RandomGenerator)}, for a failure that said when to
   * try again: the retry waits the longer of the backoff and {@code notSooner}.
   */
  public FailureVerdict afterFailure(
      int attemptsMade,
      int maxAttempts,
      boolean permanent,
      Duration notSooner,
      RandomGenerator random) {
    if (permanent) {
      return new FailureVerdict.GiveUp("permanent failure");
    }
    if (attemptsMade >= maxAttempts) {
      return new FailureVerdict.GiveUp("gave up after " + attemptsMade + " attempts");
    }
    Duration backoff = delayAfter(attemptsMade, random);
    return new FailureVerdict.RetryAfter(notSooner.compareTo(backoff) > 0 ? notSooner : backoff);
  }
}
