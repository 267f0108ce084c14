package app.huberman.domain.job;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one attempt may run ({@code runTimeLimit}; its transaction is rolled back past it), and
 * how long a reservation holds without an answer before the job counts as abandoned by a dead
 * worker ({@code visibilityTimeout}). The second is longer than the first, so a slow attempt that
 * is still allowed to finish is never rescued and run twice.
 */
public record JobTimeouts(Duration runTimeLimit, Duration visibilityTimeout) {

  /** Room between the end of the run-time limit and the rescue, for commit and clock drift. */
  static final Duration MIN_MARGIN = Duration.ofSeconds(30);

  public static final JobTimeouts DEFAULT = forRunTimeLimit(Duration.ofSeconds(60));

  public JobTimeouts {
    Objects.requireNonNull(runTimeLimit, "runTimeLimit");
    Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
    if (runTimeLimit.toSeconds() < 1) {
      throw new IllegalArgumentException("A run-time limit is at least one second");
    }
    if (visibilityTimeout.compareTo(runTimeLimit.plus(MIN_MARGIN)) < 0) {
      throw new IllegalArgumentException(
          "The visibility timeout must exceed the run-time limit by at least " + MIN_MARGIN);
    }
  }

  /** The run-time limit plus half of it again, and never less than the minimum margin. */
  public static JobTimeouts forRunTimeLimit(Duration runTimeLimit) {
    Duration margin = runTimeLimit.dividedBy(2);
    return new JobTimeouts(
        runTimeLimit, runTimeLimit.plus(margin.compareTo(MIN_MARGIN) < 0 ? MIN_MARGIN : margin));
  }
}
