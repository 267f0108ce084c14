package app.huberman.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.adapters.redis.RedisTopology.Cluster;
import app.huberman.adapters.redis.RedisTopology.Sentinel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.redisson.config.ClusterServersConfig;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;
import org.redisson.config.SentinelServersConfig;
import org.redisson.config.SingleServerConfig;
import org.redisson.config.SubscriptionMode;

class RedisSettingsTest {

  private static final List<RedisAddress> TWO =
      List.of(new RedisAddress("s1.example.com", 26379), new RedisAddress("10.0.0.2", 26380));

  @ParameterizedTest(name = "ssl={0}: {1}")
  @CsvSource({"true, rediss://cache.example.com:6380", "false, redis://cache.example.com:6380"})
  void theClientSpeaksTlsThroughARedissAddressOnlyWithSsl(boolean ssl, String address) {
    RedisSettings settings = new RedisSettings("cache.example.com", 6380, "pw", ssl);

    assertThat(settings.describe()).isEqualTo("single " + address);
    assertThat(settings.toRedissonConfig().useSingleServer().getAddress()).isEqualTo(address);
  }

  @Test
  void oneServerConnectsLazilyWithOneSecondTimeoutsAndOneRetry() {
    Config config = new RedisSettings("redis", 6379, "", false).toRedissonConfig();
    SingleServerConfig single = config.useSingleServer();

    assertThat(config.isLazyInitialization()).isTrue();
    assertThat(single.getConnectTimeout()).isEqualTo(1_000);
    assertThat(single.getTimeout()).isEqualTo(1_000);
    assertThat(single.getRetryAttempts()).isEqualTo(1);
    assertThat(single.getConnectionPoolSize()).isEqualTo(32);
    assertThat(single.getPassword()).isNull();
  }

  @Test
  void thePasswordReachesTheClientButNotTheDescription() {
    RedisSettings settings = new RedisSettings("redis", 6379, "hunter22", true);

    assertThat(settings.toRedissonConfig().useSingleServer().getPassword()).isEqualTo("hunter22");
    assertThat(settings.toString()).doesNotContain("hunter22").contains("rediss://redis:6379");
  }

  @ParameterizedTest(name = "ssl={0}")
  @CsvSource({"true, rediss", "false, redis"})
  void sentinelModeAsksTheSentinelsForTheNamedPrimaryAndUsesOnlyPrimaries(
      boolean ssl, String scheme) {
    RedisSettings settings = new RedisSettings(new Sentinel("mymaster", TWO, ""), "pw", ssl);

    Config config = settings.toRedissonConfig();
    SentinelServersConfig sentinel = config.useSentinelServers();

    assertThat(config.isSentinelConfig()).isTrue();
    assertThat(config.isLazyInitialization()).isTrue();
    assertThat(sentinel.getMasterName()).isEqualTo("mymaster");
    assertThat(sentinel.getSentinelAddresses())
        .containsExactly(scheme + "://s1.example.com:26379", scheme + "://10.0.0.2:26380");
    assertThat(sentinel.getPassword()).isEqualTo("pw");
    assertThat(sentinel.getSentinelPassword()).isNull(); // Redisson uses Redis's password then
    assertThat(sentinel.getReadMode()).isEqualTo(ReadMode.MASTER);
    assertThat(sentinel.getSubscriptionMode()).isEqualTo(SubscriptionMode.MASTER);
    assertThat(sentinel.isSlaveNotUsed()).isTrue();
    assertThat(sentinel.getConnectTimeout()).isEqualTo(1_000);
    assertThat(sentinel.getTimeout()).isEqualTo(1_000);
    assertThat(sentinel.getRetryAttempts()).isEqualTo(1);
    assertThat(sentinel.getMasterConnectionPoolSize()).isEqualTo(32);
    assertThat(settings.describe())
        .isEqualTo(
            "sentinel master 'mymaster' via Sentinels "
                + scheme
                + "://s1.example.com:26379, "
                + scheme
                + "://10.0.0.2:26380");
  }

  @Test
  void aSentinelPasswordOfItsOwnReachesTheClientButNoDescription() {
    RedisSettings settings =
        new RedisSettings(new Sentinel("mymaster", TWO, "sentinel-secret"), "redis-secret", false);

    assertThat(settings.toRedissonConfig().useSentinelServers().getSentinelPassword())
        .isEqualTo("sentinel-secret");
    assertThat(settings.toString() + settings.topology())
        .doesNotContain("sentinel-secret")
        .doesNotContain("redis-secret");
  }

  @Test
  void clusterModeStartsFromTheSeedsAndUsesOnlyPrimaries() {
    RedisSettings settings =
        new RedisSettings(
            new Cluster(List.of(new RedisAddress("n1", 7000), new RedisAddress("::1", 7001))),
            "pw",
            true);

    Config config = settings.toRedissonConfig();
    ClusterServersConfig cluster = config.useClusterServers();

    assertThat(config.isClusterConfig()).isTrue();
    assertThat(config.isLazyInitialization()).isTrue();
    assertThat(cluster.getNodeAddresses())
        .containsExactly("rediss://n1:7000", "rediss://[::1]:7001");
    assertThat(cluster.getPassword()).isEqualTo("pw");
    assertThat(cluster.getReadMode()).isEqualTo(ReadMode.MASTER);
    assertThat(cluster.isSlaveNotUsed()).isTrue();
    assertThat(cluster.getTimeout()).isEqualTo(1_000);
    assertThat(cluster.getConnectTimeout()).isEqualTo(1_000);
    assertThat(cluster.getRetryAttempts()).isEqualTo(1);
    assertThat(settings.toString())
        .isEqualTo("RedisSettings[cluster seeds rediss://n1:7000, rediss://[::1]:7001]")
        .doesNotContain("pw");
  }

  @Test
  void sentinelAndClusterModesNeedTheirAddresses() {
    assertThatThrownBy(() -> new Sentinel("mymaster", List.of(), ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Sentinel(" ", TWO, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Cluster(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
