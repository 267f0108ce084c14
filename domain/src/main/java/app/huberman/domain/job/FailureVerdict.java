package app.huberman.domain.job;

import java.time.Duration;

/** The fate of a job after a failed attempt. */
public sealed interface FailureVerdict {

  /** Run it again after the delay. */
  record RetryAfter(Duration delay) implements FailureVerdict {}

  /** Stop trying: it goes to the failed jobs, where an operator can retry or forget it. */
  record GiveUp(String reason) implements FailureVerdict {}
}
