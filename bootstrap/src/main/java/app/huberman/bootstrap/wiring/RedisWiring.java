package app.huberman.bootstrap.wiring;

import app.huberman.adapters.redis.RedisSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Logger;
import org.redisson.api.RedissonClient;

/** One Redisson client per instance: connects lazily, shut down with the application. */
@ApplicationScoped
public class RedisWiring {

  private static final Logger LOG = Logger.getLogger(RedisWiring.class.getName());

  @Produces
  @ApplicationScoped
  public RedissonClient redisson(RedisSettings settings) {
    return settings.createClient();
  }

  public void close(@Disposes RedissonClient redisson) {
    redisson.shutdown();
  }

  /**
   * Reads the Redis settings while the application deploys, so a bad one (REDIS_SSL=yes, an unknown
   * REDIS_MODE, a port that is not a number, a missing REDIS_SENTINELS) stops the start with its
   * message instead of failing the first request.
   */
  void checkAtStartup(
      @Observes @Initialized(ApplicationScoped.class) Object applicationStarted,
      RedisSettings settings) {
    LOG.info(() -> "Redis: " + settings.describe());
  }
}
