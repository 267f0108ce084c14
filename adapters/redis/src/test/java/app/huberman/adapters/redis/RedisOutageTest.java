package app.huberman.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisOutageTest {

  private final ManualNanoTime time = new ManualNanoTime();
  private final RedisOutage outage = new RedisOutage(time);

  @Test
  void redisIsTriedWhileItAnswers() {
    for (int i = 0; i < 3; i++) {
      assertThat(outage.tryRedis()).isTrue();
      outage.redisAnswered();
    }
  }

  @Test
  void afterAFailureRedisIsSkippedForThePauseThenOneCallTriesIt() {
    outage.redisFailed();

    assertThat(outage.tryRedis()).isFalse();
    time.advance(RedisOutage.PAUSE.minusMillis(1));
    assertThat(outage.tryRedis()).isFalse();

    time.advance(Duration.ofMillis(1));
    assertThat(outage.tryRedis()).isTrue();
    assertThat(outage.tryRedis()).as("another call while the first tries Redis").isFalse();

    outage.redisAnswered();
    assertThat(outage.tryRedis()).isTrue();
    assertThat(outage.tryRedis()).isTrue();
  }

  @Test
  void aFailedRetryPausesAgain() {
    outage.redisFailed();
    time.advance(RedisOutage.PAUSE);
    assertThat(outage.tryRedis()).isTrue();

    outage.redisFailed();

    assertThat(outage.tryRedis()).isFalse();
    time.advance(RedisOutage.PAUSE);
    assertThat(outage.tryRedis()).isTrue();
  }

  @Test
  void theFirstFailureIsReportedThenAtMostOneEveryTenSeconds() {
    assertThat(outage.redisFailed()).isTrue();
    assertThat(outage.redisFailed()).isFalse();

    time.advance(RedisOutage.REPORT_EVERY.minusMillis(1));
    assertThat(outage.redisFailed()).isFalse();

    time.advance(Duration.ofMillis(1));
    assertThat(outage.redisFailed()).isTrue();
    assertThat(outage.redisFailed()).isFalse();
  }

  @Test
  void recoveringDoesNotResetTheReportThrottle() {
    assertThat(outage.redisFailed()).isTrue();
    outage.redisAnswered();
    time.advance(Duration.ofSeconds(3));

    assertThat(outage.redisFailed()).isFalse();
  }
}
