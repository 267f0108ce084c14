package app.huberman.application.subscription.port.out;

import app.huberman.domain.subscription.Environment;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  /** Ids of subscriptions for which {@link Subscription#isDueForExpiry} holds at {@code now}. */
  List<SubscriptionId> findDueForExpiry(Instant now, int limit);

  /**
   * How many subscriptions grant access at {@code now} on a premium plan, by environment (one with
   * none may be missing; a gauge; an index-backed count, not a scan of every row).
   */
  Map<Environment, Long> countGrantingPremiumAccess(Instant now);
}
