package app.huberman.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

class RedisProbeIT {

  @Test
  void answersWhenTheRealRedisIsUp() {
    RedissonClient client = RedisTestServer.settings().createClient();
    try {
      new RedisProbe(client).probe(Duration.ofSeconds(2));
    } finally {
      client.shutdown();
    }
  }

  @Test
  void startsWhileRedisIsDownAndTheProbeFailsWithinItsTimeout() {
    long started = System.nanoTime();
    RedissonClient client = RedisTestServer.absent().createClient();
    try {
      RedisProbe probe = new RedisProbe(client);

      assertThatThrownBy(() -> probe.probe(Duration.ofMillis(500)))
          .isInstanceOf(RuntimeException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      assertThat(probe.dependencyName()).isEqualTo("redis");
      assertThat(probe.essential())
          .as("the app degrades without Redis: readiness stays UP")
          .isFalse();
    } finally {
      client.shutdown();
    }
  }

  @Test
  void thePasswordNeverAppearsInTheDescriptionOfTheSettings() {
    assertThat(new RedisSettings("cache", 6379, "hunter22", false).toString())
        .doesNotContain("hunter22")
        .contains("cache:6379");
  }
}
