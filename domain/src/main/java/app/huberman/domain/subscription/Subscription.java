package app.huberman.domain.subscription;

import app.huberman.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One purchase at one provider, and the state the provider last told us about.
 *
 * <p>Providers deliver notifications late, twice and out of order. Two rules make the state the
 * same whatever the delivery: only an event newer than the newest applied one (by provider time,
 * then event id) changes the state, and then its observation replaces the state, except that {@code
 * endsAt} never moves back unless the event is a refund or revocation.
 *
 * <p>A subscription is {@link Environment#SANDBOX} once any event about it says so, and stays so: a
 * purchase that cost nothing never turns into a paid one, whatever the order of its events.
 */
public final class Subscription {

  private final SubscriptionId id;
  private final ProviderSubscriptionRef ref;
  private Environment environment;
  private UserId owner;
  private PlanId planId;
  private SubscriptionStatus status;
  private Instant trialEndsAt;
  private Instant renewsAt;
  private Instant endsAt;
  private Instant graceEndsAt;
  private Instant canceledAt;
  private Instant lastEventAt;
  private String lastEventId;
  private Instant planObservedAt;
  private String planObservedEventId;
  private final Instant createdAt;
  private Instant updatedAt;

  private Subscription(State state) {
    this.id = Objects.requireNonNull(state.id(), "id");
    this.ref = Objects.requireNonNull(state.ref(), "ref");
    this.environment = Objects.requireNonNull(state.environment(), "environment");
    this.owner = state.owner().orElse(null);
    this.planId = state.planId().orElse(null);
    this.status = Objects.requireNonNull(state.status(), "status");
    this.trialEndsAt = state.trialEndsAt().orElse(null);
    this.renewsAt = state.renewsAt().orElse(null);
    this.endsAt = state.endsAt().orElse(null);
    this.graceEndsAt = state.graceEndsAt().orElse(null);
    this.canceledAt = state.canceledAt().orElse(null);
    this.lastEventAt = state.lastEventAt().orElse(null);
    this.lastEventId = state.lastEventId().orElse(null);
    this.planObservedAt = state.planObservedAt().orElse(null);
    this.planObservedEventId = state.planObservedEventId().orElse(null);
    this.createdAt = Objects.requireNonNull(state.createdAt(), "createdAt");
    this.updatedAt = Objects.requireNonNull(state.updatedAt(), "updatedAt");
    if ((lastEventAt == null) != (lastEventId == null)
        || (planObservedAt == null) != (planObservedEventId == null)) {
      throw new IllegalArgumentException("An event marker has both a time and an id, or neither");
    }
  }

  /** A subscription the provider has just told us about, before any of its state is known. */
  public static Subscription start(SubscriptionId id, ProviderSubscriptionRef ref, Instant now) {
    return new Subscription(
        new State(
            id,
            ref,
            Environment.PRODUCTION,
            Optional.empty(),
            Optional.empty(),
            SubscriptionStatus.INCOMPLETE,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            now,
            now));
  }

  /** For the store only: rebuilds a saved subscription. */
  public static Subscription rehydrate(State state) {
    return new Subscription(state);
  }

  /**
   * Applies a verified provider event.
   *
   * @param plan the plan the event's product maps to, when it names a known product
   * @param eventOwner the account the event's account token names, when it names a known user
   */
  public EventOutcome apply(
      ProviderEvent event, Optional<PlanId> plan, Optional<UserId> eventOwner, Instant now) {
    if (!event.subscription().equals(ref)) {
      throw new IllegalArgumentException(
          "Event " + event.eventId() + " is about " + event.subscription() + ", not " + ref);
    }
    boolean bound = eventOwner.isPresent() && bindTo(eventOwner.get(), now);
    if (event.isSandbox() && environment != Environment.SANDBOX) {
      environment = Environment.SANDBOX;
      updatedAt = now;
    }
    if (event.eventId().equals(lastEventId)) {
      return new EventOutcome(EventOutcome.Result.DUPLICATE, Optional.empty(), bound);
    }
    if (event.observation().isEmpty()) {
      return new EventOutcome(EventOutcome.Result.NO_OBSERVATION, Optional.empty(), bound);
    }
    takePlanIfNewest(event, plan, now);
    if (!isNewer(event, lastEventAt, lastEventId)) {
      return new EventOutcome(EventOutcome.Result.STALE, Optional.empty(), bound);
    }
    SubscriptionStatus before = status;
    take(event.observation().get());
    lastEventAt = event.occurredAt();
    lastEventId = event.eventId();
    updatedAt = now;
    return new EventOutcome(EventOutcome.Result.APPLIED, change(before), bound);
  }

  /**
   * Ties the subscription to its owner. The first owner stays: a purchase cannot move to another
   * account.
   *
   * @return whether the owner was set now
   */
  public boolean bindTo(UserId user, Instant now) {
    Objects.requireNonNull(user, "user");
    if (owner != null) {
      return false;
    }
    owner = user;
    updatedAt = now;
    return true;
  }

  /** Whether another account already owns this purchase. */
  public boolean isOwnedByAnotherThan(UserId user) {
    return owner != null && !owner.equals(user);
  }

  /**
   * Ends a subscription whose access has run out by our clock: canceled past its end, past due past
   * its grace, trialing past the trial's end with no payment reported, or active past its renewal
   * plus the lapse grace with no renewal reported (a lapse: access ended at that moment). A later
   * provider event (a renewal that did arrive) still applies, since it is newer than the last event
   * applied.
   */
  public Optional<StatusChange> expireIfDue(Instant now, LapsePolicy lapse) {
    if (!isDueForExpiry(now, lapse)) {
      return Optional.empty();
    }
    SubscriptionStatus before = status;
    if (status == SubscriptionStatus.ACTIVE && endsAt == null) {
      endsAt = lapse.lapsesAt(renewsAt, environment);
    }
    status = SubscriptionStatus.EXPIRED;
    if (endsAt == null) {
      endsAt = now;
    }
    updatedAt = now;
    return change(before);
  }

  public boolean isDueForExpiry(Instant now, LapsePolicy lapse) {
    return switch (status) {
      case CANCELED -> endsAt == null || !endsAt.isAfter(now);
      case PAST_DUE -> graceEndsAt == null || !graceEndsAt.isAfter(now);
      case TRIALING -> trialEndsAt != null && !trialEndsAt.isAfter(now);
      case ACTIVE -> renewsAt != null && !lapse.lapsesAt(renewsAt, environment).isAfter(now);
      case INCOMPLETE, EXPIRED -> false;
    };
  }

  /**
   * Whether the provider should have told us of a renewal by {@code now} and has not: active, and
   * the paid-up period is over. Such a subscription is worth asking the provider about before it
   * lapses.
   */
  public boolean isOverdueForRenewal(Instant now) {
    return status == SubscriptionStatus.ACTIVE && renewsAt != null && !renewsAt.isAfter(now);
  }

  /**
   * The entitlement rule: premium iff trialing, active (until its renewal plus the lapse grace),
   * past due before the grace end, or canceled before its end, on a premium plan.
   */
  public boolean grantsAccessAt(Instant now, LapsePolicy lapse) {
    return switch (status) {
      case TRIALING -> trialEndsAt == null || trialEndsAt.isAfter(now);
      case ACTIVE -> renewsAt == null || lapse.lapsesAt(renewsAt, environment).isAfter(now);
      case PAST_DUE -> graceEndsAt != null && graceEndsAt.isAfter(now);
      case CANCELED -> endsAt != null && endsAt.isAfter(now);
      case INCOMPLETE, EXPIRED -> false;
    };
  }

  /**
   * What this subscription entitles its owner to at {@code now}.
   *
   * @param plan this subscription's plan (the caller loads it by {@link #planId()})
   */
  public Entitlement entitlementAt(
      Instant now, Optional<Plan> plan, Plan freePlan, LapsePolicy lapse) {
    if (plan.isEmpty() || !plan.get().isPremium() || !grantsAccessAt(now, lapse)) {
      return Entitlement.free(freePlan);
    }
    return new Entitlement(true, plan.get().slug(), plan.get().features(), accessEnd(now, lapse));
  }

  /**
   * When access ends unless something else happens first. For an active subscription that is the
   * renewal while it is ahead, then the lapse: so a cached entitlement never outlives either.
   */
  private Optional<Instant> accessEnd(Instant now, LapsePolicy lapse) {
    if (status == SubscriptionStatus.ACTIVE && renewsAt != null && !renewsAt.isAfter(now)) {
      return Optional.of(lapse.lapsesAt(renewsAt, environment));
    }
    return Optional.ofNullable(
        switch (status) {
          case TRIALING -> trialEndsAt;
          case ACTIVE -> renewsAt;
          case PAST_DUE -> graceEndsAt;
          case CANCELED, EXPIRED -> endsAt;
          case INCOMPLETE -> null;
        });
  }

  /**
   * The plan is a register of its own: the newest event that names a known product sets it, even
   * when that event is older than the newest status (a refund or a Play voided purchase names no
   * product). Otherwise the plan would depend on which events arrived before the newest one.
   */
  private void takePlanIfNewest(ProviderEvent event, Optional<PlanId> plan, Instant now) {
    if (plan.isPresent() && isNewer(event, planObservedAt, planObservedEventId)) {
      if (!plan.get().equals(planId)) {
        planId = plan.get();
        updatedAt = now;
      }
      planObservedAt = event.occurredAt();
      planObservedEventId = event.eventId();
    }
  }

  /**
   * Newer by provider time, then by event id, than the event marked by {@code at} and {@code id}.
   */
  private static boolean isNewer(ProviderEvent event, Instant at, String id) {
    if (at == null) {
      return true;
    }
    int byTime = event.occurredAt().compareTo(at);
    return byTime > 0 || (byTime == 0 && event.eventId().compareTo(id) > 0);
  }

  private void take(Observation observation) {
    status = observation.status();
    trialEndsAt = observation.trialEndsAt().orElse(null);
    renewsAt = observation.renewsAt().orElse(null);
    graceEndsAt = observation.graceEndsAt().orElse(null);
    canceledAt = observation.canceledAt().orElse(null);
    endsAt = nextEnd(observation);
  }

  /** {@code endsAt} only moves forward, except for a refund or revocation. */
  private Instant nextEnd(Observation observation) {
    Instant observed = observation.endsAt().orElse(null);
    if (observation.revocation() || observed == null || endsAt == null) {
      return observed;
    }
    return observed.isAfter(endsAt) ? observed : endsAt;
  }

  private Optional<StatusChange> change(SubscriptionStatus before) {
    return before == status ? Optional.empty() : Optional.of(new StatusChange(before, status));
  }

  /** Everything the store keeps, in one value. */
  public State state() {
    return new State(
        id,
        ref,
        environment,
        Optional.ofNullable(owner),
        Optional.ofNullable(planId),
        status,
        Optional.ofNullable(trialEndsAt),
        Optional.ofNullable(renewsAt),
        Optional.ofNullable(endsAt),
        Optional.ofNullable(graceEndsAt),
        Optional.ofNullable(canceledAt),
        Optional.ofNullable(lastEventAt),
        Optional.ofNullable(lastEventId),
        Optional.ofNullable(planObservedAt),
        Optional.ofNullable(planObservedEventId),
        createdAt,
        updatedAt);
  }

  public SubscriptionId id() {
    return id;
  }

  public ProviderSubscriptionRef ref() {
    return ref;
  }

  /**
   * Whether the purchase was paid for. The application's sandbox access rule reads it, and so may
   * the lapse rule (a sandbox subscription deserves no grace: App Store sandbox periods last
   * minutes).
   */
  public Environment environment() {
    return environment;
  }

  public Optional<UserId> owner() {
    return Optional.ofNullable(owner);
  }

  public Optional<PlanId> planId() {
    return Optional.ofNullable(planId);
  }

  public SubscriptionStatus status() {
    return status;
  }

  public Optional<Instant> trialEndsAt() {
    return Optional.ofNullable(trialEndsAt);
  }

  public Optional<Instant> renewsAt() {
    return Optional.ofNullable(renewsAt);
  }

  public Optional<Instant> endsAt() {
    return Optional.ofNullable(endsAt);
  }

  public Optional<Instant> canceledAt() {
    return Optional.ofNullable(canceledAt);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /**
   * A subscription's saved state.
   *
   * @param environment {@code SANDBOX} once any event about it came from a sandbox or test purchase
   * @param lastEventAt provider time of the newest event applied
   * @param lastEventId id of that event (breaks ties between events with the same time)
   * @param planObservedAt provider time of the newest event that named a known product
   * @param planObservedEventId id of that event
   */
  public record State(
      SubscriptionId id,
      ProviderSubscriptionRef ref,
      Environment environment,
      Optional<UserId> owner,
      Optional<PlanId> planId,
      SubscriptionStatus status,
      Optional<Instant> trialEndsAt,
      Optional<Instant> renewsAt,
      Optional<Instant> endsAt,
      Optional<Instant> graceEndsAt,
      Optional<Instant> canceledAt,
      Optional<Instant> lastEventAt,
      Optional<String> lastEventId,
      Optional<Instant> planObservedAt,
      Optional<String> planObservedEventId,
      Instant createdAt,
      Instant updatedAt) {}
}
