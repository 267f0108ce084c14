package app.huberman.adapters.redis;

import java.util.Objects;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Where Redis is and how to reach it. Turns into a Redisson configuration that connects lazily, so
 * the application starts (and degrades) while Redis is down.
 *
 * @param password empty when Redis has none
 * @param ssl TLS ({@code rediss://}) rather than plain RESP ({@code redis://}); {@code REDIS_SSL}
 */
public record RedisSettings(String host, int port, String password, boolean ssl) {

  private static final int TIMEOUT_MILLIS = 1_000;

  public RedisSettings {
    Objects.requireNonNull(host, "host");
    password = password == null ? "" : password;
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("Not a TCP port: " + port);
    }
  }

  /** Redisson's address: {@code rediss://host:port} with TLS, {@code redis://host:port} without. */
  public String address() {
    return (ssl ? "rediss://" : "redis://") + host + ":" + port;
  }

  public Config toRedissonConfig() {
    Config config = new Config();
    config.setLazyInitialization(true);
    config
        .useSingleServer()
        .setAddress(address())
        .setPassword(password.isEmpty() ? null : password)
        .setConnectTimeout(TIMEOUT_MILLIS)
        .setTimeout(TIMEOUT_MILLIS)
        .setRetryAttempts(1)
        .setConnectionMinimumIdleSize(1)
        .setConnectionPoolSize(32);
    return config;
  }

  /** Creates a client; the caller owns it and must shut it down. */
  public RedissonClient createClient() {
    return org.redisson.Redisson.create(toRedissonConfig());
  }

  @Override
  public String toString() {
    return "RedisSettings[" + address() + "]";
  }
}
