package app.huberman.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedisAddressTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "redis-1:6379, redis-1, 6379",
    "' 10.0.0.7:26379 ', 10.0.0.7, 26379",
    "[::1]:7000, ::1, 7000",
    "[fd00::5]:65535, fd00::5, 65535",
    "cache.example.com:1, cache.example.com, 1"
  })
  void readsHostAndPort(String text, String host, int port) {
    assertThat(RedisAddress.parse(text)).isEqualTo(new RedisAddress(host, port));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(
      strings = {
        "",
        "redis",
        "redis:",
        ":6379",
        "redis:0",
        "redis:65536",
        "redis:99999999999",
        "redis:6379x",
        "redis:-1",
        "redis://redis:6379",
        "user@redis:6379",
        "::1:7000",
        "re dis:6379",
        "[::1:7000"
      })
  void refusesAnythingElse(String text) {
    assertThatThrownBy(() -> RedisAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aListIsSeparatedByCommasAndBlankEntriesAreSkipped() {
    assertThat(RedisAddress.parseList(" a:1, b:2 ,,[::1]:3, "))
        .containsExactly(
            new RedisAddress("a", 1), new RedisAddress("b", 2), new RedisAddress("::1", 3));
    assertThat(RedisAddress.parseList(" , ")).isEmpty();
  }

  @Test
  void anIpv6AddressIsBracketedInTheUri() {
    assertThat(new RedisAddress("::1", 7000).uri(false)).isEqualTo("redis://[::1]:7000");
    assertThat(new RedisAddress("redis", 6380).uri(true)).isEqualTo("rediss://redis:6380");
  }
}
