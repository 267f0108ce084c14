package app.huberman.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * The rate limiter, the entitlement cache and the probe against a real Redis Cluster of three
 * primaries started for this class. Keys spread over all three: every script and command touches
 * one key, so none needs a hash tag. The last test kills a primary.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisClusterIT {

  @RegisterExtension static final LocalRedis REDIS = LocalRedis.cluster("cluster-it-password");

  /** Enough keys that each primary holds some of them. */
  private static final int KEYS = 60;

  private static final int LIMIT = 3;
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Entitlement FREE =
      new Entitlement(false, PlanSlug.FREE, List.of("episode_summaries"), Optional.empty());
  private final RecordingDegradationEvents degradation = new RecordingDegradationEvents();

  @Test
  @Order(1)
  void theLimitersScriptsRunOnEveryPrimaryAndInstancesShareTheCounts() {
    RedissonRateLimiter first = new RedissonRateLimiter(REDIS.client(), degradation);
    RedissonRateLimiter second = new RedissonRateLimiter(REDIS.client(), degradation);

    for (int key = 0; key < KEYS; key++) {
      String name = "login:" + key;
      assertThat(first.hit(name, LIMIT, MINUTE)).isEqualTo(RateLimit.allowed(LIMIT, 2));
      assertThat(second.hit(name, LIMIT, MINUTE)).isEqualTo(RateLimit.allowed(LIMIT, 1));
      assertThat(first.hit(name, LIMIT, MINUTE)).isEqualTo(RateLimit.allowed(LIMIT, 0));
      assertThat(second.hit(name, LIMIT, MINUTE).limited()).isTrue();
      second.takeBack(name);
      assertThat(first.check(name, LIMIT, MINUTE)).isEqualTo(RateLimit.allowed(LIMIT, 1));
    }

    for (int primary : REDIS.primaries()) {
      assertThat(keysOn(primary, "huberman:ratelimit:*")).as("keys on " + primary).isPositive();
    }
    assertThat(degradation.reported()).isEmpty();
  }

  @Test
  @Order(2)
  void theCacheWorksOnEveryPrimary() {
    RedisEntitlementCache cache = new RedisEntitlementCache(REDIS.client(), degradation);

    for (int user = 1; user <= KEYS; user++) {
      cache.put(UserId.of(user), FREE, Duration.ofMinutes(5));
    }
    for (int user = 1; user <= KEYS; user++) {
      assertThat(cache.get(UserId.of(user))).contains(FREE);
    }
    cache.evict(UserId.of(1));

    assertThat(cache.get(UserId.of(1))).isEmpty();
    for (int primary : REDIS.primaries()) {
      assertThat(keysOn(primary, "huberman:entitlements:*")).as("keys on " + primary).isPositive();
    }
    assertThat(degradation.reported()).isEmpty();
  }

  /** After an outage the cache empties itself by pattern, which must reach every primary. */
  @Test
  @Order(3)
  void afterAnOutageTheCacheForgetsItsKeysOnEveryPrimary() throws InterruptedException {
    RedisEntitlementCache cache = new RedisEntitlementCache(REDIS.client(), degradation);
    for (int user = 1; user <= KEYS; user++) {
      cache.put(UserId.of(user), FREE, Duration.ofMinutes(5));
    }

    for (int primary : REDIS.primaries()) {
      REDIS.cli(primary, "CLIENT", "PAUSE", "1500", "ALL"); // slower than the cache's timeout
    }
    assertThat(cache.get(UserId.of(1))).isEmpty();
    assertThat(degradation.reported()).hasSize(1);
    Thread.sleep(RedisOutage.PAUSE.plusMillis(300).toMillis());
    cache.get(UserId.of(2)); // Redis answers again: the cache forgets what it held

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (totalKeys("huberman:entitlements:*") > 0 && System.nanoTime() - deadline < 0) {
      Thread.sleep(100);
    }
    assertThat(totalKeys("huberman:entitlements:*")).isZero();
  }

  @Test
  @Order(4)
  void theProbeAnswersWhileEveryPrimaryDoesAndFailsOnceOneIsGone() throws InterruptedException {
    RedissonClient client = REDIS.client();
    RedisProbe probe = new RedisProbe(client);
    probe.probe(Duration.ofSeconds(2));

    REDIS.kill(REDIS.primaries().get(0));

    assertThatThrownBy(() -> probe.probe(Duration.ofMillis(500)))
        .isInstanceOf(RuntimeException.class);
    RedissonRateLimiter limiter = new RedissonRateLimiter(client, degradation);
    for (int key = 0; key < 10; key++) {
      assertThat(limiter.hit("degraded:" + key, LIMIT, MINUTE).limited()).isFalse();
    }
  }

  private long keysOn(int port, String pattern) {
    String out = REDIS.cli(port, "--scan", "--pattern", pattern).strip();
    return out.isEmpty() ? 0 : out.lines().count();
  }

  private long totalKeys(String pattern) {
    return REDIS.primaries().stream().mapToLong(port -> keysOn(port, pattern)).sum();
  }
}
