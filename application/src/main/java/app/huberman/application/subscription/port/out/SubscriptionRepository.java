package app.huberman.application.subscription.port.out;

import app.huberman.domain.subscription.Environment;
import app.huberman.domain.subscription.LapsePolicy;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Subscriptions, one row per provider subscription. Every method runs in the caller's transaction.
 */
public interface SubscriptionRepository {

  /**
   * Locks the subscription's row until the transaction ends, creating it first (as {@link
   * Subscription#start}) when there is none. Concurrent callers for the same reference, a webhook
   * and the client's verify call say, meet on the same row: one creates it, the other waits for the
   * lock and sees it.
   */
  Subscription lockOrStart(ProviderSubscriptionRef ref, Instant now);

  /**
   * Locks the subscription's row until the transaction ends, when there is one; creates nothing.
   */
  Optional<Subscription> lockExisting(ProviderSubscriptionRef ref);

  /** Locks an existing subscription's row until the transaction ends. */
  Optional<Subscription> lock(SubscriptionId id);

  /** Writes a subscription loaded by one of the locking methods. */
  void save(Subscription subscription);

  /** The user's subscriptions, newest first. */
  List<Subscription> findByOwner(UserId owner);

  /** Reads a subscription without locking it (it may change before the caller locks it). */
  Optional<Subscription> find(SubscriptionId id);

  /**
   * Ids of subscriptions for which {@link Subscription#isDueForExpiry} holds at {@code now} under
   * the lapse policy.
   */
  List<SubscriptionId> findDueForExpiry(Instant now, LapsePolicy lapse, int limit);

  /**
   * Canceled subscriptions whose access ends after {@code after} and by {@code by}, soonest first.
   */
  List<Subscription> findCanceledEndingBetween(Instant after, Instant by, int limit);

  /**
   * Picks up to {@code limit} subscriptions of the given providers for which {@link
   * Subscription#isOverdueForRenewal} holds at {@code now} and that were not picked after {@code
   * pickedBefore}, least recently picked first, and records {@code now} as their pick time (in the
   * caller's transaction). The pick time is bookkeeping of the re-check, not subscription state.
   */
  List<SubscriptionId> pickOverdueForRecheck(
      Instant now, Instant pickedBefore, Set<PaymentProvider> providers, int limit);

  /**
   * How many subscriptions grant access at {@code now} (under the lapse policy) on a premium plan,
   * by environment (one with none may be missing; a gauge; an index-backed count, not a scan of
   * every row).
   */
  Map<Environment, Long> countGrantingPremiumAccess(Instant now, LapsePolicy lapse);
}
