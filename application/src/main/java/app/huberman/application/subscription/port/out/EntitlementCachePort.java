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

  void put(UserId user, Entitlement entitlement, Duration ttl);

  void evict(UserId user);
}
