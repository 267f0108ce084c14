package app.huberman.bootstrap.wiring;

import app.huberman.adapters.redis.RedisSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.redisson.api.RedissonClient;

/** One Redisson client per instance: connects lazily, shut down with the application. */
@ApplicationScoped
public class RedisWiring {

  @Produces
  @ApplicationScoped
  public RedissonClient redisson(RedisSettings settings) {
    return settings.createClient();
  }

  public void close(@Disposes RedissonClient redisson) {
    redisson.shutdown();
  }
}
