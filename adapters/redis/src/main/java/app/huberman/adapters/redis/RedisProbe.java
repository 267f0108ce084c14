package app.huberman.adapters.redis;

import app.huberman.application.health.port.out.DependencyProbePort;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;

/** PINGs every Redis node the client knows, within the probe's timeout. */
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

  @Override
  public void probe(Duration timeout) {
    boolean answered =
        redisson
            .getRedisNodes(RedisNodes.SINGLE)
            .pingAll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!answered) {
      throw new IllegalStateException(
          "Redis did not answer PING within " + timeout.toMillis() + " ms");
    }
  }
}
