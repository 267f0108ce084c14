package app.huberman.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.redis.entitlement.RedisEntitlementCache;
import app.huberman.adapters.redis.ratelimit.RedissonRateLimiter;
import app.huberman.application.shared.port.out.RateLimiterPort.RateLimit;
import app.huberman.domain.subscription.Entitlement;
import app.huberman.domain.subscription.PlanSlug;
import app.huberman.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/**
 * The rate limiter, the entitlement cache and the probe through Sentinels, against a real primary,
 * replica and three Sentinels started for this class; the last test kills the primary.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisSentinelIT {

  @RegisterExtension static final LocalRedis REDIS = LocalRedis.sentinel("sentinel-it-password");

  private static final int LIMIT = 5;
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Entitlement PREMIUM =
      new Entitlement(
          true, PlanSlug.of("premium-annual"), List.of("offline_notes"), Optional.empty());

  private final RecordingDegradationEvents degradation = new RecordingDegradationEvents();

  @Test
  @Order(1)
  void theLimiterCountsInThePrimaryTheSentinelsNameAndInstancesShareTheCount() {
    RedissonRateLimiter first = new RedissonRateLimiter(REDIS.client(), degradation);
    RedissonRateLimiter second = new RedissonRateLimiter(REDIS.client(), degradation);

    for (int i = 0; i < 3; i++) {
      assertThat(first.hit("login:ada", LIMIT, MINUTE).limited()).isFalse();
    }
    assertThat(second.hit("login:ada", LIMIT, MINUTE)).isEqualTo(RateLimit.allowed(LIMIT, 1));
    assertThat(second.hit("login:ada", LIMIT, MINUTE)).isEqualTo(RateLimit.allowed(LIMIT, 0));
    assertThat(first.hit("login:ada", LIMIT, MINUTE).limited()).isTrue();
    first.takeBack("login:ada");
    assertThat(second.check("login:ada", LIMIT, MINUTE)).isEqualTo(RateLimit.allowed(LIMIT, 1));

    int primary = REDIS.currentPrimary();
    assertThat(REDIS.cli(primary, "ZCARD", "huberman:ratelimit:login:ada").strip()).isEqualTo("4");
    assertThat(degradation.reported()).isEmpty();
  }

  @Test
  @Order(2)
  void theCacheReadsWhatItWroteAndAnEvictionHoldsOnThePrimary() {
    RedisEntitlementCache cache = new RedisEntitlementCache(REDIS.client(), degradation);
    UserId ada = UserId.of(7);

    cache.put(ada, PREMIUM, Duration.ofMinutes(5));
    assertThat(cache.get(ada)).contains(PREMIUM);
    cache.evict(ada);
    cache.put(ada, PREMIUM, Duration.ofMinutes(5)); // within the eviction guard: not saved

    assertThat(cache.get(ada)).isEmpty();
    assertThat(degradation.reported()).isEmpty();
  }

  @Test
  @Order(3)
  void theProbeAnswersThroughTheSentinels() {
    new RedisProbe(REDIS.client()).probe(Duration.ofSeconds(2));
  }

  @Test
  @Order(4)
  void whenThePrimaryDiesTheClientFollowsTheSentinelsToThePromotedReplica()
      throws InterruptedException {
    RedissonClient client = REDIS.client();
    RedissonRateLimiter limiter = new RedissonRateLimiter(client, degradation);
    RedisProbe probe = new RedisProbe(client);
    assertThat(limiter.hit("before", LIMIT, MINUTE).limited()).isFalse();
    int old = REDIS.currentPrimary();

    REDIS.kill(old);
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    int promoted = old;
    boolean countedInRedis = false;
    while (!countedInRedis && System.nanoTime() - deadline < 0) {
      limiter.hit("after", 1_000, MINUTE); // in memory while Redis is unreachable
      promoted = REDIS.currentPrimary();
      countedInRedis =
          promoted != old
              && !REDIS.cli(promoted, "ZCARD", "huberman:ratelimit:after").strip().equals("0");
      Thread.sleep(200);
    }

    assertThat(promoted).isNotEqualTo(old);
    assertThat(countedInRedis).as("the limiter writes to the promoted replica").isTrue();
    probe.probe(Duration.ofSeconds(2));
  }
}
