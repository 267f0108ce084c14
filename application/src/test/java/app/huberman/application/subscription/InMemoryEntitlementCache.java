package app.huberman.application.subscription;

import app.huberman.application.subscription.port.out.EntitlementCachePort;
import app.huberman.domain.subscription.Entitlement;
import app.huberman.domain.user.UserId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A fake {@link EntitlementCachePort} that keeps what was put with its time to live (entries do not
 * expire by themselves: tests read the TTL). {@link #goDown()} makes it behave as the Redis adapter
 * does when Redis cannot be reached: misses, and puts and evictions that do nothing.
 */
public final class InMemoryEntitlementCache implements EntitlementCachePort {

  public record Entry(Entitlement entitlement, Duration ttl) {}

  private final Map<UserId, Entry> entries = new HashMap<>();
  private boolean down;
  private int evictions;

  @Override
  public Optional<Entitlement> get(UserId user) {
    return down ? Optional.empty() : Optional.ofNullable(entries.get(user)).map(Entry::entitlement);
  }

  @Override
  public void put(UserId user, Entitlement entitlement, Duration ttl) {
    if (!ttl.isPositive()) {
      throw new IllegalArgumentException("A TTL is positive: " + ttl);
    }
    if (!down) {
      entries.put(user, new Entry(entitlement, ttl));
    }
  }

  @Override
  public void evict(UserId user) {
    if (!down) {
      entries.remove(user);
      evictions++;
    }
  }

  public void goDown() {
    down = true;
  }

  public Optional<Entry> entry(UserId user) {
    return Optional.ofNullable(entries.get(user));
  }

  public int evictions() {
    return evictions;
  }
}
