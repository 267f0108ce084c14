package app.huberman.adapters.redis.ratelimit;

import app.huberman.adapters.redis.RedisOutage;
import app.huberman.application.shared.port.out.DegradationEventsPort;
import app.huberman.application.shared.port.out.RateLimiterPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Sliding windows in Redis, shared by all instances, with the semantics of {@link RateLimiterPort}.
 *
 * <p>Each key is a sorted set under {@value #KEY_PREFIX}: one member per accepted attempt, scored
 * with the time of Redis itself in microseconds, so instances whose clocks differ still share one
 * window. One Lua script does all of a call atomically: drop the attempts that left the window,
 * count the rest, record the attempt when it is a hit that is not refused (and expire the key one
 * window later), and say how long until one more attempt fits. Needs Redis 5 or newer, which
 * replicate a script by its effects (it reads {@code TIME} before writing).
 *
 * <p>When Redis fails (down, timed out, refusing connections, anything else it throws), the call is
 * answered by an {@link InMemoryRateLimiter} of this instance instead, the failure is reported to
 * {@link DegradationEventsPort} (at most once per {@link RedisOutage#REPORT_EVERY}), and nothing is
 * thrown. Redis is then skipped for {@link RedisOutage#PAUSE}, after which one call tries it again;
 * once it answers, the counts are Redis's again. Attempts counted in memory meanwhile stay in this
 * instance and are not copied to Redis.
 */
@ApplicationScoped
public class RedissonRateLimiter implements RateLimiterPort {

  static final String KEY_PREFIX = "huberman:ratelimit:";
  static final String DEPENDENCY = "redis";
  static final String CAPABILITY = "rate-limiter";

  /**
   * KEYS[1] the key; ARGV: limit, window in microseconds, "1" to record a hit ("0" to check), a
   * unique member for the attempt. Returns {limited (0 or 1), microseconds until one more attempt
   * fits (0 when not limited), attempts inside the window (this one included when recorded)}.
   */
  private static final String SCRIPT =
      """
      local key = KEYS[1]
      local limit = tonumber(ARGV[1])
      local window = tonumber(ARGV[2])
      local time = redis.call('TIME')
      local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
      redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
      local count = redis.call('ZCARD', key)
      if count < limit then
        if ARGV[3] == '1' then
          redis.call('ZADD', key, now, ARGV[4])
          redis.call('PEXPIRE', key, math.ceil(window / 1000))
          count = count + 1
        end
        return {0, 0, count}
      end
      local last = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
      return {1, tonumber(last[2]) + window - now, count}
      """;

  /** KEYS[1] the key: removes its newest attempt (the window's expiry stays as it was). */
  private static final String TAKE_BACK = "redis.call('ZPOPMAX', KEYS[1]) return 1";

  private RedissonClient redisson;
  private DegradationEventsPort degradation;
  private String keyPrefix;
  private InMemoryRateLimiter fallback;
  private RedisOutage outage;

  /** For the CDI proxy only. */
  protected RedissonRateLimiter() {}

  @Inject
  public RedissonRateLimiter(RedissonClient redisson, DegradationEventsPort degradation) {
    this(redisson, degradation, KEY_PREFIX, System::nanoTime);
  }

  /**
   * @param keyPrefix put before every key in Redis
   * @param nanoTime the monotonic clock of the fallback and of the pauses after a failure
   */
  RedissonRateLimiter(
      RedissonClient redisson,
      DegradationEventsPort degradation,
      String keyPrefix,
      LongSupplier nanoTime) {
    this.redisson = Objects.requireNonNull(redisson, "redisson");
    this.degradation = Objects.requireNonNull(degradation, "degradation");
    this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    this.fallback = new InMemoryRateLimiter(nanoTime, InMemoryRateLimiter.DEFAULT_MAX_KEYS);
    this.outage = new RedisOutage(nanoTime);
  }

  @Override
  public RateLimit check(String key, int limit, Duration window) {
    return limit(false, key, limit, window);
  }

  @Override
  public RateLimit hit(String key, int limit, Duration window) {
    return limit(true, key, limit, window);
  }

  /**
   * Removes the newest attempt in Redis, or in this instance's memory while Redis is skipped; an
   * attempt recorded in the other place during a change of state stays counted (it leaves with its
   * window).
   */
  @Override
  public void takeBack(String key) {
    if (outage.tryRedis()) {
      try {
        redisson
            .getScript(StringCodec.INSTANCE)
            .eval(
                RScript.Mode.READ_WRITE,
                TAKE_BACK,
                RScript.ReturnType.INTEGER,
                List.of(keyPrefix + key));
        outage.redisAnswered();
        return;
      } catch (RuntimeException e) {
        if (outage.redisFailed()) {
          degradation.fellBack(DEPENDENCY, CAPABILITY, e);
        }
      }
    }
    fallback.takeBack(key);
  }

  /**
   * @param record whether this is a hit (recorded unless refused) rather than a check
   */
  private RateLimit limit(boolean record, String key, int limit, Duration window) {
    SlidingWindow.requireValid(key, limit, window);
    if (outage.tryRedis()) {
      try {
        RateLimit answer = inRedis(record, key, limit, window);
        outage.redisAnswered();
        return answer;
      } catch (RuntimeException e) {
        if (outage.redisFailed()) {
          degradation.fellBack(DEPENDENCY, CAPABILITY, e);
        }
      }
    }
    return record ? fallback.hit(key, limit, window) : fallback.check(key, limit, window);
  }

  private RateLimit inRedis(boolean record, String key, int limit, Duration window) {
    List<Object> reply =
        redisson
            .getScript(StringCodec.INSTANCE)
            .eval(
                RScript.Mode.READ_WRITE,
                SCRIPT,
                RScript.ReturnType.MULTI,
                List.of(keyPrefix + key),
                Integer.toString(limit),
                Long.toString(TimeUnit.MICROSECONDS.convert(window)),
                record ? "1" : "0",
                record ? UUID.randomUUID().toString() : "");
    if (((Number) reply.get(0)).longValue() == 0) {
      long count = ((Number) reply.get(2)).longValue();
      return RateLimit.allowed(limit, (int) Math.max(0, limit - count));
    }
    long remainingMicros = ((Number) reply.get(1)).longValue();
    return SlidingWindow.refusedFor(limit, TimeUnit.MICROSECONDS.toNanos(remainingMicros));
  }
}
