package app.huberman.adapters.redis;

import app.huberman.adapters.redis.RedisTopology.Cluster;
import app.huberman.adapters.redis.RedisTopology.Sentinel;
import app.huberman.adapters.redis.RedisTopology.Single;
import java.util.Objects;
import org.redisson.api.RedissonClient;
import org.redisson.config.BaseConfig;
import org.redisson.config.BaseMasterSlaveServersConfig;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;
import org.redisson.config.SubscriptionMode;

/**
 * Where Redis is and how to reach it. Turns into a Redisson configuration that connects lazily, so
 * the application starts (and degrades) while Redis is down.
 *
 * @param password empty when Redis has none; the same for every server of the topology
 * @param ssl TLS ({@code rediss://}) rather than plain RESP ({@code redis://}) to every server,
 *     Sentinels included; {@code REDIS_SSL}
 */
public record RedisSettings(RedisTopology topology, String password, boolean ssl) {

  private static final int TIMEOUT_MILLIS = 1_000;
  private static final int POOL_SIZE = 32;

  public RedisSettings {
    Objects.requireNonNull(topology, "topology");
    password = password == null ? "" : password;
  }

  /** One server at {@code host:port}. */
  public RedisSettings(String host, int port, String password, boolean ssl) {
    this(new Single(new RedisAddress(host, port)), password, ssl);
  }

  /** Where the client connects, for the start-up log: the mode and its addresses. */
  public String describe() {
    return topology.mode() + " " + topology.describe(ssl);
  }

  public Config toRedissonConfig() {
    Config config = new Config();
    config.setLazyInitialization(true);
    switch (topology) {
      case Single single ->
          common(config.useSingleServer().setAddress(single.server().uri(ssl)))
              .setConnectionMinimumIdleSize(1)
              .setConnectionPoolSize(POOL_SIZE);
      case Sentinel sentinel -> {
        var servers = config.useSentinelServers().setMasterName(sentinel.masterName());
        sentinel.sentinels().forEach(address -> servers.addSentinelAddress(address.uri(ssl)));
        if (!sentinel.sentinelPassword().isEmpty()) {
          servers.setSentinelPassword(sentinel.sentinelPassword());
        }
        common(servers);
        primaryOnly(servers);
      }
      case Cluster cluster -> {
        var servers = config.useClusterServers();
        cluster.seeds().forEach(address -> servers.addNodeAddress(address.uri(ssl)));
        common(servers);
        primaryOnly(servers);
      }
    }
    return config;
  }

  /** What every mode shares: the password and short timeouts, so an outage costs little. */
  private <T extends BaseConfig<T>> T common(T servers) {
    return servers
        .setPassword(password.isEmpty() ? null : password)
        .setConnectTimeout(TIMEOUT_MILLIS)
        .setTimeout(TIMEOUT_MILLIS)
        .setRetryAttempts(1);
  }

  /**
   * Reads and writes go to primaries only: a replica may not have the latest eviction or count yet,
   * and the cache's eviction guard and the limits' windows need what was just written. With neither
   * reads nor subscriptions on replicas, Redisson opens no connection to them.
   */
  private static <T extends BaseMasterSlaveServersConfig<T>> void primaryOnly(T servers) {
    servers
        .setReadMode(ReadMode.MASTER)
        .setSubscriptionMode(SubscriptionMode.MASTER)
        .setMasterConnectionMinimumIdleSize(1)
        .setMasterConnectionPoolSize(POOL_SIZE);
  }

  /** Creates a client; the caller owns it and must shut it down. */
  public RedissonClient createClient() {
    return org.redisson.Redisson.create(toRedissonConfig());
  }

  @Override
  public String toString() {
    return "RedisSettings[" + describe() + "]";
  }
}
