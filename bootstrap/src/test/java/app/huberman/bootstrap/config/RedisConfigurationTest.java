package app.huberman.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.adapters.redis.RedisAddress;
import app.huberman.adapters.redis.RedisSettings;
import app.huberman.adapters.redis.RedisTopology.Cluster;
import app.huberman.adapters.redis.RedisTopology.Sentinel;
import app.huberman.adapters.redis.RedisTopology.Single;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedisConfigurationTest {

  /** The defaults of microprofile-config.properties. */
  private final Map<String, String> env =
      new HashMap<>(
          Map.of(
              "REDIS_MODE", "single",
              "REDIS_HOST", "127.0.0.1",
              "REDIS_PORT", "6379",
              "REDIS_SSL", "false"));

  private RedisSettings read() {
    return RedisConfiguration.read(name -> env.getOrDefault(name, ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"single", "SINGLE", " Single ", ""})
  void singleModeIsTheDefaultAndReadsHostAndPort(String mode) {
    env.putAll(Map.of("REDIS_MODE", mode, "REDIS_HOST", "cache", "REDIS_PORT", "6380"));
    env.put("REDIS_PASSWORD", "pw");

    assertThat(read())
        .isEqualTo(new RedisSettings(new Single(new RedisAddress("cache", 6380)), "pw", false));
  }

  @Test
  void sentinelModeReadsTheMasterNameTheSentinelsAndTheirOwnPassword() {
    env.putAll(
        Map.of(
            "REDIS_MODE", "sentinel",
            "REDIS_SENTINEL_MASTER", "mymaster",
            "REDIS_SENTINELS", "s1:26379, s2:26379,[fd00::3]:26379",
            "REDIS_SENTINEL_PASSWORD", "sp",
            "REDIS_PASSWORD", "pw",
            "REDIS_SSL", "true"));

    assertThat(read())
        .isEqualTo(
            new RedisSettings(
                new Sentinel(
                    "mymaster",
                    List.of(
                        new RedisAddress("s1", 26379),
                        new RedisAddress("s2", 26379),
                        new RedisAddress("fd00::3", 26379)),
                    "sp"),
                "pw",
                true));
  }

  @Test
  void clusterModeReadsTheSeeds() {
    env.putAll(Map.of("REDIS_MODE", "Cluster", "REDIS_CLUSTER_NODES", "n1:7000,n2:7001,"));

    assertThat(read().topology())
        .isEqualTo(
            new Cluster(List.of(new RedisAddress("n1", 7000), new RedisAddress("n2", 7001))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sentinels", "standalone", "replicated", "true"})
  void anUnknownModeStopsTheStart(String mode) {
    env.put("REDIS_MODE", mode);

    assertThatThrownBy(this::read)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("REDIS_MODE must be single, sentinel or cluster, not '" + mode + "'");
  }

  @Test
  void sentinelModeWithoutAMasterNameStopsTheStart() {
    env.putAll(Map.of("REDIS_MODE", "sentinel", "REDIS_SENTINELS", "s1:26379"));

    assertThatThrownBy(this::read)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("REDIS_MODE is sentinel, but REDIS_SENTINEL_MASTER");
  }

  @Test
  void aSentinelPasswordWithoutARedisPasswordStopsTheStart() {
    env.putAll(
        Map.of(
            "REDIS_MODE", "sentinel",
            "REDIS_SENTINEL_MASTER", "m",
            "REDIS_SENTINELS", "s1:26379",
            "REDIS_SENTINEL_PASSWORD", "sp"));

    assertThatThrownBy(this::read)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("REDIS_SENTINEL_PASSWORD is set but REDIS_PASSWORD is not");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " , "})
  void aModeWithoutItsListStopsTheStart(String list) {
    env.putAll(
        Map.of("REDIS_MODE", "sentinel", "REDIS_SENTINEL_MASTER", "m", "REDIS_SENTINELS", list));
    assertThatThrownBy(this::read)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("REDIS_MODE is sentinel, but REDIS_SENTINELS names no host:port");

    env.putAll(Map.of("REDIS_MODE", "cluster", "REDIS_CLUSTER_NODES", list));
    assertThatThrownBy(this::read)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("REDIS_MODE is cluster, but REDIS_CLUSTER_NODES names no host:port");
  }

  @ParameterizedTest
  @ValueSource(strings = {"n1", "n1:7000,n2", "redis://n1:7000", "n1:70000", "n1:7000;n2:7001"})
  void aBadAddressStopsTheStartNamingTheVariable(String list) {
    env.putAll(Map.of("REDIS_MODE", "cluster", "REDIS_CLUSTER_NODES", list));

    assertThatThrownBy(this::read)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "REDIS_CLUSTER_NODES must be host:port pairs separated by commas, not '" + list + "'");
  }

  @Test
  void aBadPortOrFlagStopsTheStartAsBefore() {
    env.put("REDIS_PORT", "six");
    assertThatThrownBy(this::read).hasMessage("REDIS_PORT must be a whole number, not 'six'");

    env.put("REDIS_PORT", "70000");
    assertThatThrownBy(this::read).hasMessageStartingWith("REDIS_HOST and REDIS_PORT");

    env.put("REDIS_PORT", "6379");
    env.put("REDIS_SSL", "yes");
    assertThatThrownBy(this::read).hasMessage("REDIS_SSL must be true or false, not 'yes'");
  }
}
