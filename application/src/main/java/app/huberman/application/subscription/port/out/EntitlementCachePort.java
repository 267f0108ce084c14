package app.huberman.application.subscription.port.out;

import app.huberman.domain.subscription.Entitlement;
import app.huberman.domain.user.UserId;
import java.time.Duration;
import java.util.Optional;

/**
 * A cache of computed entitlements, shared by all instances. Never authoritative: when it cannot be
 * reached, {@link #get} answers empty and the others do nothing, and PostgreSQL decides.
 */
public interface EntitlementCachePort {

  Optional<Entitlement> get(UserId user);

  /**
   * Caches an entitlement computed from PostgreSQL, unless the user's entry was evicted in the last
   * few seconds: a reader that computed from the state before a change must not cache it after the
   * change's eviction.
   */
  void put(UserId user, Entitlement entitlement, Duration ttl);

  /** Forgets the user's entry, after a change to their subscriptions has committed. */
  void evict(UserId user);
}
