package app.huberman.application.subscription.port.out;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a push service answered one push.
 *
 * @param service {@code apns} or {@code fcm}
 * @param reason the service's own word for a refusal ({@code BadDeviceToken}, {@code UNREGISTERED},
 *     {@code TooManyRequests}), or {@code unreachable}; empty when accepted
 * @param retryAfter how long the service asked to wait, when it said so
 */
public record PushResult(
    Outcome outcome, String service, String reason, Optional<Duration> retryAfter) {

  /** What the answer means for the notice and the device. */
  public enum Outcome {
    /** The service took the push. */
    ACCEPTED,
    /** The token is dead (the app was removed, or the token is not ours): forget the device. */
    TOKEN_INVALID,
    /** Throttled, unavailable or unreachable: the same push may succeed later. */
    RETRY_LATER,
    /** The service refused the push itself (a configuration or payload problem): do not retry. */
    REFUSED
  }

  public PushResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(retryAfter, "retryAfter");
  }

  public static PushResult accepted(String service) {
    return new PushResult(Outcome.ACCEPTED, service, "", Optional.empty());
  }

  public static PushResult tokenInvalid(String service, String reason) {
    return new PushResult(Outcome.TOKEN_INVALID, service, reason, Optional.empty());
  }

  public static PushResult retryLater(String service, String reason, Optional<Duration> after) {
    return new PushResult(Outcome.RETRY_LATER, service, reason, after);
  }

  public static PushResult refused(String service, String reason) {
    return new PushResult(Outcome.REFUSED, service, reason, Optional.empty());
  }
}
