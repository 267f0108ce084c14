package app.huberman.bootstrap.config;

import app.huberman.adapters.redis.RedisAddress;
import app.huberman.adapters.redis.RedisSettings;
import app.huberman.adapters.redis.RedisTopology;
import app.huberman.adapters.redis.RedisTopology.Cluster;
import app.huberman.adapters.redis.RedisTopology.Sentinel;
import app.huberman.adapters.redis.RedisTopology.Single;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * {@code REDIS_MODE} and the variables of its mode, read into {@link RedisSettings}. A value that
 * cannot work (an unknown mode, a missing or malformed address list) stops the start with a message
 * naming the variable; a variable of another mode is ignored, with a warning.
 */
final class RedisConfiguration {

  static final String MODE = "REDIS_MODE";
  static final String SENTINEL_MASTER = "REDIS_SENTINEL_MASTER";
  static final String SENTINELS = "REDIS_SENTINELS";
  static final String SENTINEL_PASSWORD = "REDIS_SENTINEL_PASSWORD";
  static final String CLUSTER_NODES = "REDIS_CLUSTER_NODES";

  private static final Logger LOG = Logger.getLogger(RedisConfiguration.class.getName());

  private RedisConfiguration() {}

  /**
   * @param variable the value of an environment variable by name, empty when unset
   */
  static RedisSettings read(UnaryOperator<String> variable) {
    RedisTopology topology =
        switch (variable.apply(MODE).strip().toLowerCase(Locale.ROOT)) {
          case "", "single" -> single(variable);
          case "sentinel" -> sentinel(variable);
          case "cluster" -> cluster(variable);
          default ->
              throw new IllegalArgumentException(
                  MODE
                      + " must be single, sentinel or cluster, not '"
                      + variable.apply(MODE)
                      + "'");
        };
    warnAboutOtherModes(topology, variable);
    return new RedisSettings(
        topology,
        variable.apply("REDIS_PASSWORD"),
        ConfigurationProducer.flag("REDIS_SSL", variable.apply("REDIS_SSL")));
  }

  private static Single single(UnaryOperator<String> variable) {
    String host = variable.apply("REDIS_HOST").strip();
    String port = variable.apply("REDIS_PORT").strip();
    if (host.isEmpty()) {
      throw new IllegalArgumentException("REDIS_HOST is not set");
    }
    try {
      return new Single(new RedisAddress(host, Integer.parseInt(port)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "REDIS_PORT must be a whole number, not '" + port + "'", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "REDIS_HOST and REDIS_PORT must name a server: " + e.getMessage(), e);
    }
  }

  private static Sentinel sentinel(UnaryOperator<String> variable) {
    String master = variable.apply(SENTINEL_MASTER).strip();
    if (master.isEmpty()) {
      throw new IllegalArgumentException(
          MODE
              + " is sentinel, but "
              + SENTINEL_MASTER
              + " (the monitored master's name) is not set");
    }
    List<RedisAddress> sentinels = addresses(SENTINELS, variable.apply(SENTINELS), "sentinel");
    String sentinelPassword = variable.apply(SENTINEL_PASSWORD);
    // Redisson authenticates to Sentinels only when Redis itself has a password (tried: 3.52).
    if (!sentinelPassword.isEmpty() && variable.apply("REDIS_PASSWORD").isEmpty()) {
      throw new IllegalArgumentException(
          SENTINEL_PASSWORD
              + " is set but REDIS_PASSWORD is not: the client only authenticates"
              + " to Sentinels when Redis itself has a password");
    }
    return new Sentinel(master, sentinels, sentinelPassword);
  }

  private static Cluster cluster(UnaryOperator<String> variable) {
    return new Cluster(addresses(CLUSTER_NODES, variable.apply(CLUSTER_NODES), "cluster"));
  }

  private static List<RedisAddress> addresses(String name, String value, String mode) {
    List<RedisAddress> addresses;
    try {
      addresses = RedisAddress.parseList(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          name + " must be host:port pairs separated by commas, not '" + value.strip() + "'", e);
    }
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException(
          MODE + " is " + mode + ", but " + name + " names no host:port");
    }
    return addresses;
  }

  private static void warnAboutOtherModes(RedisTopology topology, UnaryOperator<String> variable) {
    List<String> unused =
        switch (topology) {
          case Single single ->
              List.of(SENTINEL_MASTER, SENTINELS, SENTINEL_PASSWORD, CLUSTER_NODES);
          case Sentinel sentinel -> List.of(CLUSTER_NODES);
          case Cluster cluster -> List.of(SENTINEL_MASTER, SENTINELS, SENTINEL_PASSWORD);
        };
    for (String name : unused) {
      if (!variable.apply(name).isBlank()) {
        LOG.warning(() -> name + " is ignored: " + MODE + " is " + topology.mode());
      }
    }
  }
}
