package app.huberman.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

class RedisProbeIT {

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void answersWhenTheRealRedisIsUp() {
    RedissonClient client = new RedisSettings(redisHost(), redisPort(), "").createClient();
    try {
      new RedisProbe(client).probe(Duration.ofSeconds(2));
    } finally {
      client.shutdown();
    }
  }

  @Test
  void startsWhileRedisIsDownAndTheProbeFailsWithinItsTimeout() throws IOException {
    long started = System.nanoTime();
    RedissonClient client = new RedisSettings("127.0.0.1", unusedPort(), "").createClient();
    try {
      RedisProbe probe = new RedisProbe(client);

      assertThatThrownBy(() -> probe.probe(Duration.ofMillis(500)))
          .isInstanceOf(RuntimeException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      assertThat(probe.dependencyName()).isEqualTo("redis");
    } finally {
      client.shutdown();
    }
  }

  @Test
  void thePasswordNeverAppearsInTheDescriptionOfTheSettings() {
    assertThat(new RedisSettings("cache", 6379, "hunter22").toString())
        .doesNotContain("hunter22")
        .contains("cache:6379");
  }

  private static String redisHost() {
    String host = System.getenv("REDIS_HOST");
    return host == null || host.isBlank() ? "127.0.0.1" : host;
  }

  private static int redisPort() {
    String port = System.getenv("REDIS_PORT");
    return port == null || port.isBlank() ? 6379 : Integer.parseInt(port);
  }
}
