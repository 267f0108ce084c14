package app.huberman.adapters.redis;

import app.huberman.application.health.port.out.DependencyProbePort;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.config.Config;

/**
 * PINGs, within the probe's timeout, every Redis server the application writes to: the one server,
 * the primary the Sentinels name, or every primary of the cluster. Replicas are not asked: the
 * application does not use them (see {@link RedisSettings}).
 */
@Dependent
public class RedisProbe implements DependencyProbePort {

  private final RedissonClient redisson;

  @Inject
  public RedisProbe(RedissonClient redisson) {
    this.redisson = Objects.requireNonNull(redisson, "redisson");
  }

  @Override
  public String dependencyName() {
    return "redis";
  }

  /** The application degrades without Redis (limits per instance, entitlements from PostgreSQL). */
  @Override
  public boolean essential() {
    return false;
  }

  @Override
  public void probe(Duration timeout) {
    Config config = redisson.getConfig();
    long millis = timeout.toMillis();
    boolean answered;
    if (config.isSentinelConfig()) {
      RedisNode primary = redisson.getRedisNodes(RedisNodes.SENTINEL_MASTER_SLAVE).getMaster();
      answered = primary != null && primary.ping(millis, TimeUnit.MILLISECONDS);
    } else if (config.isClusterConfig()) {
      answered = allAnswer(redisson.getRedisNodes(RedisNodes.CLUSTER).getMasters(), timeout);
    } else {
      answered = redisson.getRedisNodes(RedisNodes.SINGLE).pingAll(millis, TimeUnit.MILLISECONDS);
    }
    if (!answered) {
      throw new IllegalStateException("Redis did not answer PING within " + millis + " ms");
    }
  }

  /** One after the other, all within {@code timeout}. */
  private static boolean allAnswer(Collection<? extends RedisNode> nodes, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (RedisNode node : nodes) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !node.ping(left, TimeUnit.NANOSECONDS)) {
        return false;
      }
    }
    return !nodes.isEmpty();
  }
}
