package app.huberman.application.subscription.service;

import app.huberman.application.subscription.port.out.EntitlementCachePort;
import app.huberman.domain.subscription.Entitlement;
import app.huberman.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per instance and for one second, what the shared entitlement cache answered, so a
 * client asking several times a second costs one Redis round trip a second (the same trade as the
 * token verdicts of ADR 0002). An eviction on this instance forgets at once; another instance may
 * answer from the old state for up to a second after a change.
 *
 * <p>Only answers that came from the shared cache are remembered, never fresh computations: those
 * go through the shared cache's eviction guard first.
 */
public final class RecentEntitlements implements EntitlementCachePort {

  static final Duration FRESHNESS = Duration.ofSeconds(1);
  static final int MAX_ENTRIES = 100_000;

  private final EntitlementCachePort shared;
  private final Clock clock;
  private final Map<UserId, Entry> entries = new ConcurrentHashMap<>();

  public RecentEntitlements(EntitlementCachePort shared, Clock clock) {
    this.shared = Objects.requireNonNull(shared, "shared");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<Entitlement> get(UserId user) {
    Instant now = clock.instant();
    Entry entry = entries.get(user);
    if (entry != null && now.isBefore(entry.freshUntil())) {
      return Optional.of(entry.entitlement());
    }
    Optional<Entitlement> answer = shared.get(user);
    answer.ifPresentOrElse(
        entitlement -> remember(user, entitlement, now), () -> entries.remove(user));
    return answer;
  }

  @Override
  public void put(UserId user, Entitlement entitlement, Duration ttl) {
    shared.put(user, entitlement, ttl);
  }

  @Override
  public void evict(UserId user) {
    entries.remove(user);
    shared.evict(user);
  }

  private void remember(UserId user, Entitlement entitlement, Instant now) {
    Instant freshUntil = now.plus(FRESHNESS);
    if (entitlement.expiresAt().isPresent() && entitlement.expiresAt().get().isBefore(freshUntil)) {
      return; // about to lapse: ask again
    }
    if (entries.size() >= MAX_ENTRIES) {
      evictStale(now);
    }
    entries.put(user, new Entry(entitlement, freshUntil));
  }

  private void evictStale(Instant now) {
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
      if (!now.isBefore(it.next().freshUntil())) {
        it.remove();
      }
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear(); // under a flood of distinct users, stay bounded
    }
  }

  private record Entry(Entitlement entitlement, Instant freshUntil) {}
}
