package app.huberman.application.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.shared.MutableClock;
import app.huberman.application.subscription.service.RecentEntitlements;
import app.huberman.domain.subscription.Entitlement;
import app.huberman.domain.subscription.PlanSlug;
import app.huberman.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecentEntitlementsTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static final UserId ADA = UserId.of(1);
  private static final Entitlement PREMIUM =
      new Entitlement(
          true,
          PlanSlug.of("premium-monthly"),
          List.of("ad_free"),
          Optional.of(T0.plusSeconds(600)));
  private static final Entitlement FREE =
      new Entitlement(false, PlanSlug.FREE, List.of(), Optional.empty());

  private final MutableClock clock = new MutableClock(T0);
  private final CountingCache shared = new CountingCache();
  private final RecentEntitlements recent = new RecentEntitlements(shared, clock);

  @Test
  void asksTheSharedCacheAtMostOnceASecondPerUser() {
    shared.put(ADA, PREMIUM, Duration.ofMinutes(15));

    assertThat(recent.get(ADA)).contains(PREMIUM);
    clock.advance(Duration.ofMillis(999));
    assertThat(recent.get(ADA)).contains(PREMIUM);
    assertThat(shared.gets).isEqualTo(1);

    clock.advance(Duration.ofMillis(1));
    shared.put(ADA, FREE, Duration.ofMinutes(15));
    assertThat(recent.get(ADA)).contains(FREE);
    assertThat(shared.gets).isEqualTo(2);
  }

  @Test
  void anEvictionOnThisInstanceForgetsAtOnce() {
    shared.put(ADA, PREMIUM, Duration.ofMinutes(15));
    recent.get(ADA);

    recent.evict(ADA);

    assertThat(recent.get(ADA)).isEmpty();
    assertThat(shared.entry(ADA)).isEmpty();
  }

  @Test
  void remembersNothingItComputedItselfNorWhatIsAboutToLapse() {
    recent.put(ADA, PREMIUM, Duration.ofMinutes(15));
    shared.evict(ADA); // the shared cache refused or lost it

    assertThat(recent.get(ADA)).isEmpty();

    Entitlement lapsing =
        new Entitlement(true, PREMIUM.plan(), PREMIUM.features(), Optional.of(T0.plusMillis(500)));
    shared.put(ADA, lapsing, Duration.ofMillis(500));
    recent.get(ADA);
    clock.advance(Duration.ofMillis(600));
    shared.evict(ADA);
    assertThat(recent.get(ADA)).isEmpty();
  }

  /** The in-memory cache, counting reads. */
  private static final class CountingCache extends DelegatingCache {
    int gets;

    @Override
    public Optional<Entitlement> get(UserId user) {
      gets++;
      return super.get(user);
    }
  }

  private static class DelegatingCache
      implements app.huberman.application.subscription.port.out.EntitlementCachePort {
    private final InMemoryEntitlementCache cache = new InMemoryEntitlementCache();

    @Override
    public Optional<Entitlement> get(UserId user) {
      return cache.get(user);
    }

    @Override
    public void put(UserId user, Entitlement entitlement, Duration ttl) {
      cache.put(user, entitlement, ttl);
    }

    @Override
    public void evict(UserId user) {
      cache.evict(user);
    }

    Optional<InMemoryEntitlementCache.Entry> entry(UserId user) {
      return cache.entry(user);
    }
  }
}
