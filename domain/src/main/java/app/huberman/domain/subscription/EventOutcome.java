package app.huberman.domain.subscription;

import java.util.Optional;

/**
 * What applying one provider event did.
 *
 * @param result whether the event's observation was taken
 * @param statusChange the status change it caused, if any
 * @param boundToOwner whether it tied the subscription to its owner for the first time
 */
public record EventOutcome(
    Result result, Optional<StatusChange> statusChange, boolean boundToOwner) {

  public enum Result {
    /** The event was newer than anything applied before and its observation was taken. */
    APPLIED,
    /** Already applied (same event id): nothing changed. */
    DUPLICATE,
    /** Older than the newest applied event: recorded, but the state stays. */
    STALE,
    /** The event carries no observation (it only names the owner). */
    NO_OBSERVATION
  }
}
