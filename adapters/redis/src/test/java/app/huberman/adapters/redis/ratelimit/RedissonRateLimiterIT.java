package app.huberman.adapters.redis.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.redis.ManualNanoTime;
import app.huberman.adapters.redis.RecordingDegradationEvents;
import app.huberman.adapters.redis.RecordingDegradationEvents.FellBack;
import app.huberman.adapters.redis.RedisOutage;
import app.huberman.adapters.redis.RedisSettings;
import app.huberman.adapters.redis.RedisTestServer;
import app.huberman.application.shared.port.out.RateLimiterPort.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

class RedissonRateLimiterIT {

  private static final int LIMIT = 5;
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final String prefix = "huberman:ratelimit:it-" + UUID.randomUUID() + ":";
  private final RecordingDegradationEvents degradation = new RecordingDegradationEvents();
  private final List<RedissonClient> clients = new ArrayList<>();
  private final RedissonClient direct = client(RedisTestServer.settings());

  @AfterEach
  void removeTheKeysAndShutDown() {
    try {
      direct.getKeys().deleteByPattern(prefix + "*");
    } finally {
      clients.forEach(RedissonClient::shutdown);
    }
  }

  @Test
  void theFirstFiveHitsPassAndTheSixthIsRefusedUntilTheOldestLeaves() {
    RedissonRateLimiter limiter = limiter(RedisTestServer.settings());

    for (int i = 0; i < LIMIT; i++) {
      assertThat(limiter.hit("k", LIMIT, MINUTE))
          .isEqualTo(RateLimit.allowed(LIMIT, LIMIT - 1 - i));
    }
    RateLimit sixth = limiter.hit("k", LIMIT, MINUTE);

    assertThat(sixth.limited()).isTrue();
    assertThat(sixth.retryAfter()).isBetween(Duration.ofSeconds(59), MINUTE);
    assertThat(attemptsInRedis("k")).isEqualTo(LIMIT);
    assertThat(direct.getKeys().remainTimeToLive(prefix + "k")).isBetween(1L, MINUTE.toMillis());
    assertThat(degradation.reported()).isEmpty();
  }

  @Test
  void anAttemptTakenBackLeavesRedisAndFreesItsPlace() {
    RedissonRateLimiter limiter = limiter(RedisTestServer.settings());
    for (int i = 0; i < LIMIT; i++) {
      limiter.hit("k", LIMIT, MINUTE);
    }

    limiter.takeBack("k");
    limiter.takeBack("never-hit");

    assertThat(attemptsInRedis("k")).isEqualTo(LIMIT - 1);
    assertThat(limiter.hit("k", LIMIT, MINUTE)).isEqualTo(RateLimit.allowed(LIMIT, 0));
    assertThat(limiter.hit("k", LIMIT, MINUTE).limited()).isTrue();
    assertThat(degradation.reported()).isEmpty();
  }

  @Test
  void aCheckCountsNothingAndIsLimitedOnceTheLimitIsReached() {
    RedissonRateLimiter limiter = limiter(RedisTestServer.settings());

    for (int i = 0; i < 10; i++) {
      assertThat(limiter.check("k", LIMIT, MINUTE)).isEqualTo(RateLimit.allowed(LIMIT, LIMIT));
    }
    assertThat(direct.getKeys().countExists(prefix + "k")).isZero();
    for (int i = 0; i < LIMIT; i++) {
      limiter.hit("k", LIMIT, MINUTE);
    }

    RateLimit check = limiter.check("k", LIMIT, MINUTE);
    assertThat(check.limited()).isTrue();
    assertThat(check.retryAfter()).isBetween(Duration.ofSeconds(59), MINUTE);
    assertThat(attemptsInRedis("k")).isEqualTo(LIMIT);
  }

  @Test
  void instancesOnSeparateClientsShareTheCount() {
    RedissonRateLimiter first = limiter(RedisTestServer.settings());
    RedissonRateLimiter second = limiter(RedisTestServer.settings());

    for (int i = 0; i < 3; i++) {
      assertThat(first.hit("k", LIMIT, MINUTE).limited()).isFalse();
    }
    for (int i = 0; i < 2; i++) {
      assertThat(second.hit("k", LIMIT, MINUTE).limited()).isFalse();
    }

    assertThat(first.hit("k", LIMIT, MINUTE).limited()).isTrue();
    assertThat(second.check("k", LIMIT, MINUTE).limited()).isTrue();
    assertThat(second.check("other", LIMIT, MINUTE).limited()).isFalse();
  }

  @Test
  void theWindowSlidesAndTheKeyExpiresWithItsNewestAttempt() throws InterruptedException {
    RedissonRateLimiter limiter = limiter(RedisTestServer.settings());
    Duration window = Duration.ofMillis(1_500);
    limiter.hit("k", 2, window); // at 0 ms, or a little earlier
    long start = System.nanoTime();

    sleepUntil(start, 500);
    limiter.hit("k", 2, window); // at 500 ms
    assertThat(limiter.hit("k", 2, window)).isEqualTo(RateLimit.refused(2, Duration.ofSeconds(1)));

    sleepUntil(start, 1_650); // the first has left, the second has not
    assertThat(limiter.hit("k", 2, window)).isEqualTo(RateLimit.allowed(2, 0));
    assertThat(limiter.hit("k", 2, window)).isEqualTo(RateLimit.refused(2, Duration.ofSeconds(1)));
    assertThat(attemptsInRedis("k")).isEqualTo(2);

    sleepUntil(start, 3_500); // all have left; nothing has touched the key since 1.65 s
    assertThat(direct.getKeys().countExists(prefix + "k")).isZero();
    assertThat(limiter.check("k", 2, window)).isEqualTo(RateLimit.allowed(2, 2));
  }

  @Test
  void refusedHitsAreNotRecorded() throws InterruptedException {
    RedissonRateLimiter limiter = limiter(RedisTestServer.settings());
    // Three seconds, so that the 20 refused hits fit in the window even on a loaded machine.
    Duration window = Duration.ofSeconds(3);
    limiter.hit("k", 2, window);
    limiter.hit("k", 2, window);
    long start = System.nanoTime();

    for (int i = 0; i < 20; i++) {
      assertThat(limiter.hit("k", 2, window).limited()).isTrue();
      Thread.sleep(25);
    }
    assertThat(attemptsInRedis("k")).isEqualTo(2);

    sleepUntil(start, 3_100);
    assertThat(limiter.hit("k", 2, window)).isEqualTo(RateLimit.allowed(2, 1));
  }

  @Test
  void withRedisAbsentItLimitsPerInstanceAnswersQuicklyAndReportsOnce() {
    RedissonRateLimiter limiter = limiter(RedisTestServer.absent());
    RedissonRateLimiter otherInstance = limiter(RedisTestServer.absent());

    long start = System.nanoTime();
    assertThat(limiter.hit("k", LIMIT, MINUTE)).isEqualTo(RateLimit.allowed(LIMIT, LIMIT - 1));
    // The first call waits for Redis's connect timeout and retry; the next ones skip Redis.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    start = System.nanoTime();
    for (int i = 1; i < LIMIT; i++) {
      assertThat(limiter.hit("k", LIMIT, MINUTE))
          .isEqualTo(RateLimit.allowed(LIMIT, LIMIT - 1 - i));
    }
    assertThat(limiter.hit("k", LIMIT, MINUTE)).isEqualTo(RateLimit.refused(LIMIT, MINUTE));
    assertThat(limiter.check("k", LIMIT, MINUTE).limited()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));

    assertThat(otherInstance.check("k", LIMIT, MINUTE).limited()).isFalse();
    List<FellBack> reported = degradation.reported();
    assertThat(reported).hasSize(2); // one per instance: the first failure of each
    assertThat(reported)
        .allSatisfy(
            fellBack -> {
              assertThat(fellBack.dependency()).isEqualTo("redis");
              assertThat(fellBack.capability()).isEqualTo("rate-limiter");
              assertThat(fellBack.cause()).isInstanceOf(RedisException.class);
            });
  }

  @Test
  void whileRedisStaysDownItRetriesAfterPausesAndReportsAtMostOnceEveryTenSeconds() {
    ManualNanoTime time = new ManualNanoTime();
    RedissonRateLimiter limiter = limiter(RedisTestServer.absent(), time);

    limiter.hit("k", LIMIT, MINUTE);
    assertThat(degradation.reported()).hasSize(1);

    time.advance(RedisOutage.PAUSE); // Redis is tried again and fails again
    limiter.hit("k", LIMIT, MINUTE);
    time.advance(RedisOutage.PAUSE);
    limiter.hit("k", LIMIT, MINUTE);
    assertThat(degradation.reported()).hasSize(1);

    time.advance(RedisOutage.REPORT_EVERY);
    limiter.hit("k", LIMIT, MINUTE);
    assertThat(degradation.reported()).hasSize(2);
  }

  @Test
  void itUsesRedisAgainOnceRedisIsBack() throws InterruptedException {
    ManualNanoTime time = new ManualNanoTime();
    try (CuttableProxy proxy = new CuttableProxy(RedisTestServer.host(), RedisTestServer.port())) {
      RedissonRateLimiter limiter =
          limiter(new RedisSettings("127.0.0.1", proxy.port(), "", false), time);
      limiter.hit("before", LIMIT, MINUTE);
      assertThat(attemptsInRedis("before")).isEqualTo(1);

      proxy.cut();
      for (int i = 0; i < LIMIT; i++) {
        assertThat(limiter.hit("during", LIMIT, MINUTE))
            .isEqualTo(RateLimit.allowed(LIMIT, LIMIT - 1 - i));
      }
      assertThat(limiter.hit("during", LIMIT, MINUTE).limited()).isTrue(); // counted in memory
      assertThat(direct.getKeys().countExists(prefix + "during")).isZero();
      assertThat(degradation.reported()).hasSize(1);

      proxy.restore();
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (attemptsInRedis("after") == 0 && System.nanoTime() < deadline) {
        time.advance(RedisOutage.PAUSE);
        limiter.hit("after", 1_000, MINUTE);
        Thread.sleep(100);
      }

      assertThat(attemptsInRedis("after")).isPositive();
      limiter.hit("before", LIMIT, MINUTE);
      assertThat(attemptsInRedis("before")).isEqualTo(2);
    }
  }

  private RedissonRateLimiter limiter(RedisSettings settings) {
    return limiter(settings, System::nanoTime);
  }

  private RedissonRateLimiter limiter(RedisSettings settings, LongSupplier nanoTime) {
    return new RedissonRateLimiter(client(settings), degradation, prefix, nanoTime);
  }

  private RedissonClient client(RedisSettings settings) {
    RedissonClient client = settings.createClient();
    clients.add(client);
    return client;
  }

  private int attemptsInRedis(String key) {
    return direct.getScoredSortedSet(prefix + key, StringCodec.INSTANCE).size();
  }

  private static void sleepUntil(long startNanos, long millis) throws InterruptedException {
    long left = startNanos + Duration.ofMillis(millis).toNanos() - System.nanoTime();
    if (left > 0) {
      Thread.sleep(Duration.ofNanos(left));
    }
  }
}
