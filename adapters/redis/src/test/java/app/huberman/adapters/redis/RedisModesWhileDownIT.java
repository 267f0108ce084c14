package app.huberman.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.adapters.redis.RedisTopology.Cluster;
import app.huberman.adapters.redis.RedisTopology.Sentinel;
import app.huberman.adapters.redis.entitlement.RedisEntitlementCache;
import app.huberman.adapters.redis.ratelimit.RedissonRateLimiter;
import app.huberman.application.shared.port.out.RateLimiterPort.RateLimit;
import app.huberman.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.redisson.api.RedissonClient;

/**
 * With nothing listening at the Sentinels' or the cluster's addresses, the client is still created
 * (it connects lazily), and the limiter, the cache and the probe degrade as with one server down.
 */
class RedisModesWhileDownIT {

  static Stream<RedisTopology> topologies() {
    List<RedisAddress> nobody =
        List.of(
            new RedisAddress("127.0.0.1", RedisTestServer.unusedPort()),
            new RedisAddress("127.0.0.1", RedisTestServer.unusedPort()));
    return Stream.of(new Sentinel("mymaster", nobody, ""), new Cluster(nobody));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void theClientIsCreatedAndEveryUseDegradesQuickly(RedisTopology topology) {
    RecordingDegradationEvents degradation = new RecordingDegradationEvents();
    long start = System.nanoTime();
    RedissonClient client = new RedisSettings(topology, "pw", false).createClient();
    try {
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      RedissonRateLimiter limiter = new RedissonRateLimiter(client, degradation);
      RedisEntitlementCache cache = new RedisEntitlementCache(client, degradation);

      start = System.nanoTime();
      assertThat(limiter.hit("k", 2, Duration.ofMinutes(1))).isEqualTo(RateLimit.allowed(2, 1));
      assertThat(limiter.hit("k", 2, Duration.ofMinutes(1))).isEqualTo(RateLimit.allowed(2, 0));
      assertThat(limiter.hit("k", 2, Duration.ofMinutes(1)).limited()).isTrue();
      assertThat(cache.get(UserId.of(1))).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

      assertThat(degradation.reported())
          .extracting(RecordingDegradationEvents.FellBack::capability)
          .containsExactlyInAnyOrder("rate-limiter", "entitlement-cache");
      start = System.nanoTime();
      assertThatThrownBy(() -> new RedisProbe(client).probe(Duration.ofMillis(500)))
          .isInstanceOf(RuntimeException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    } finally {
      client.shutdown();
    }
  }
}
