package app.huberman.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedisSettingsTest {

  @ParameterizedTest(name = "ssl={0}: {1}")
  @CsvSource({"true, rediss://cache.example.com:6380", "false, redis://cache.example.com:6380"})
  void theClientSpeaksTlsThroughARedissAddressOnlyWithSsl(boolean ssl, String address) {
    RedisSettings settings = new RedisSettings("cache.example.com", 6380, "pw", ssl);

    assertThat(settings.address()).isEqualTo(address);
    assertThat(settings.toRedissonConfig().useSingleServer().getAddress()).isEqualTo(address);
  }

  @Test
  void thePasswordReachesTheClientButNotTheDescription() {
    RedisSettings settings = new RedisSettings("redis", 6379, "hunter22", true);

    assertThat(settings.toRedissonConfig().useSingleServer().getPassword()).isEqualTo("hunter22");
    assertThat(settings.toString()).doesNotContain("hunter22").contains("rediss://redis:6379");
  }
}
