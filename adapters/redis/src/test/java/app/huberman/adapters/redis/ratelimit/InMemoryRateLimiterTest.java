package app.huberman.adapters.redis.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.adapters.redis.ManualNanoTime;
import app.huberman.application.shared.port.out.RateLimiterPort.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest {

  private static final int LIMIT = 5;
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final ManualNanoTime time = new ManualNanoTime();
  private final InMemoryRateLimiter limiter =
      new InMemoryRateLimiter(time, InMemoryRateLimiter.DEFAULT_MAX_KEYS);

  @Test
  void theFirstFiveHitsPassAndTheSixthIsRefused() {
    for (int i = 0; i < LIMIT; i++) {
      assertThat(limiter.hit("k", LIMIT, MINUTE))
          .isEqualTo(RateLimit.allowed(LIMIT, LIMIT - 1 - i));
    }

    assertThat(limiter.hit("k", LIMIT, MINUTE))
        .isEqualTo(RateLimit.refused(LIMIT, Duration.ofSeconds(60)));
  }

  @Test
  void anAttemptTakenBackNoLongerCountsAndTheOlderOnesStay() {
    for (int i = 0; i < LIMIT; i++) {
      limiter.hit("k", LIMIT, MINUTE);
      time.advance(Duration.ofSeconds(10));
    }
    limiter.takeBack("k");
    limiter.takeBack("missing");

    assertThat(limiter.hit("k", LIMIT, MINUTE)).isEqualTo(RateLimit.allowed(LIMIT, 0));
    // The oldest attempt (50 s ago) still counts: one more is allowed only once it leaves.
    assertThat(limiter.check("k", LIMIT, MINUTE))
        .isEqualTo(RateLimit.refused(LIMIT, Duration.ofSeconds(10)));
    assertThat(limiter.keys()).isEqualTo(1);
  }

  @Test
  void takingBackTheOnlyAttemptDropsTheKey() {
    limiter.hit("k", LIMIT, MINUTE);
    limiter.takeBack("k");

    assertThat(limiter.keys()).isZero();
  }

  @Test
  void aCheckCountsNothingAndIsLimitedOnceTheLimitIsReached() {
    for (int i = 0; i < 20; i++) {
      assertThat(limiter.check("k", LIMIT, MINUTE)).isEqualTo(RateLimit.allowed(LIMIT, LIMIT));
    }
    for (int i = 0; i < LIMIT - 1; i++) {
      limiter.hit("k", LIMIT, MINUTE);
    }
    assertThat(limiter.check("k", LIMIT, MINUTE)).isEqualTo(RateLimit.allowed(LIMIT, 1));

    limiter.hit("k", LIMIT, MINUTE);
    time.advance(Duration.ofSeconds(15));

    assertThat(limiter.check("k", LIMIT, MINUTE))
        .isEqualTo(RateLimit.refused(LIMIT, Duration.ofSeconds(45)));
  }

  @Test
  void theWindowSlidesAndRetryAfterIsWhenTheOldestAttemptLeaves() {
    limiter.hit("k", LIMIT, MINUTE);
    for (int i = 1; i < LIMIT; i++) {
      time.advance(Duration.ofSeconds(10));
      limiter.hit("k", LIMIT, MINUTE); // at 0, 10, 20, 30 and 40 s
    }
    time.advance(Duration.ofSeconds(5)); // 45 s

    assertThat(limiter.hit("k", LIMIT, MINUTE).retryAfter()).isEqualTo(Duration.ofSeconds(15));

    time.advance(Duration.ofMillis(14_500)); // 59.5 s: half a second rounds up to one
    assertThat(limiter.hit("k", LIMIT, MINUTE))
        .isEqualTo(RateLimit.refused(LIMIT, Duration.ofSeconds(1)));

    time.advance(Duration.ofMillis(500)); // 60 s: the attempt at 0 s has left
    assertThat(limiter.hit("k", LIMIT, MINUTE)).isEqualTo(RateLimit.allowed(LIMIT, 0));
    assertThat(limiter.hit("k", LIMIT, MINUTE))
        .isEqualTo(RateLimit.refused(LIMIT, Duration.ofSeconds(10)));
  }

  @Test
  void retryAfterIsRoundedUpToWholeSeconds() {
    limiter.hit("k", 1, MINUTE);
    time.advance(Duration.ofMillis(200));

    assertThat(limiter.check("k", 1, MINUTE).retryAfter()).isEqualTo(Duration.ofSeconds(60));

    time.advance(Duration.ofMillis(59_799)); // 1 ms left
    assertThat(limiter.check("k", 1, MINUTE).retryAfter()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void refusedHitsAreNotRecordedSoHammeringDoesNotExtendTheBlock() {
    for (int i = 0; i < LIMIT; i++) {
      limiter.hit("k", LIMIT, MINUTE);
    }
    for (int second = 1; second < 60; second++) {
      time.advance(Duration.ofSeconds(1));
      assertThat(limiter.hit("k", LIMIT, MINUTE).limited()).isTrue();
    }

    time.advance(Duration.ofSeconds(1));

    assertThat(limiter.hit("k", LIMIT, MINUTE)).isEqualTo(RateLimit.allowed(LIMIT, LIMIT - 1));
  }

  @Test
  void keysCountSeparately() {
    limiter.hit("a", 1, MINUTE);

    assertThat(limiter.hit("a", 1, MINUTE).limited()).isTrue();
    assertThat(limiter.hit("b", 1, MINUTE)).isEqualTo(RateLimit.allowed(1, 0));
  }

  @Test
  void keysWhoseWindowPassedAreDropped() {
    limiter.hit("a", LIMIT, MINUTE);
    limiter.hit("b", LIMIT, Duration.ofSeconds(10));
    time.advance(Duration.ofSeconds(30));

    limiter.check("c", LIMIT, MINUTE);

    assertThat(limiter.keys()).isEqualTo(1); // "a" is still inside its window
    time.advance(Duration.ofSeconds(30));
    limiter.check("c", LIMIT, MINUTE);
    assertThat(limiter.keys()).isZero();
  }

  @Test
  void holdsAtMostMaxKeysAndLetsUntrackedKeysThrough() {
    InMemoryRateLimiter small = new InMemoryRateLimiter(time, 2);
    small.hit("a", 1, MINUTE);
    small.hit("b", 1, MINUTE);

    for (int i = 0; i < 10; i++) {
      assertThat(small.hit("c", 1, MINUTE)).isEqualTo(RateLimit.allowed(1, 0));
    }
    assertThat(small.keys()).isEqualTo(2);
    assertThat(small.hit("a", 1, MINUTE).limited()).isTrue();

    time.advance(MINUTE);
    small.hit("c", 1, MINUTE);
    assertThat(small.hit("c", 1, MINUTE).limited()).isTrue();
  }

  @Test
  void refusesArgumentsThatMakeNoSense() {
    assertThatThrownBy(() -> limiter.hit(" ", 1, MINUTE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> limiter.hit("k", 0, MINUTE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> limiter.check("k", 1, Duration.ofNanos(999_999)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> limiter.check("k", 1, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentHitsOnOneKeyAcceptExactlyTheLimit() throws Exception {
    InMemoryRateLimiter shared = new InMemoryRateLimiter();
    int threads = 8;
    int hitsEach = 2_000;
    int limit = 1_000;
    List<Integer> accepted = runConcurrently(threads, () -> hits(shared, "k", hitsEach, limit));

    assertThat(accepted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(limit);
  }

  @Test
  void concurrentHitsOnManyKeysKeepEachKeysCount() throws Exception {
    InMemoryRateLimiter shared = new InMemoryRateLimiter();
    int threads = 8;
    List<Integer> accepted =
        runConcurrently(
            threads,
            () -> {
              int sum = 0;
              for (int key = 0; key < 500; key++) {
                sum += hits(shared, "k" + key, 3, 10);
              }
              return sum;
            });

    // 500 keys, each hit 3 times by each of 8 threads, each allowing 10.
    assertThat(accepted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(500 * 10);
    assertThat(shared.keys()).isEqualTo(500);
  }

  private static int hits(InMemoryRateLimiter limiter, String key, int count, int limit) {
    int accepted = 0;
    for (int i = 0; i < count; i++) {
      if (!limiter.hit(key, limit, Duration.ofHours(1)).limited()) {
        accepted++;
      }
    }
    return accepted;
  }

  private static List<Integer> runConcurrently(int threads, Callable<Integer> task)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<Integer> results = new ArrayList<>();
      for (Future<Integer> future : futures) {
        results.add(future.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
