package app.huberman.adapters.redis;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Which Redis servers hold the data, and how the client finds the one to write to. */
public sealed interface RedisTopology {

  /** {@code single}, {@code sentinel} or {@code cluster}: the value of {@code REDIS_MODE}. */
  String mode();

  /** The addresses, for the start-up log: never a password. */
  String describe(boolean ssl);

  /** One server. */
  record Single(RedisAddress server) implements RedisTopology {

    public Single {
      Objects.requireNonNull(server, "server");
    }

    @Override
    public String mode() {
      return "single";
    }

    @Override
    public String describe(boolean ssl) {
      return server.uri(ssl);
    }
  }

  /**
   * A primary and its replicas watched by Sentinels, which tell the client which server is the
   * primary now.
   *
   * @param masterName the name the Sentinels monitor the primary under
   * @param sentinelPassword for Sentinels whose password differs from Redis's; empty otherwise
   */
  record Sentinel(String masterName, List<RedisAddress> sentinels, String sentinelPassword)
      implements RedisTopology {

    public Sentinel {
      Objects.requireNonNull(masterName, "masterName");
      if (masterName.isBlank()) {
        throw new IllegalArgumentException("A Sentinel master name must not be blank");
      }
      sentinels = List.copyOf(sentinels);
      if (sentinels.isEmpty()) {
        throw new IllegalArgumentException("Sentinel mode needs at least one Sentinel");
      }
      sentinelPassword = sentinelPassword == null ? "" : sentinelPassword;
    }

    @Override
    public String mode() {
      return "sentinel";
    }

    @Override
    public String describe(boolean ssl) {
      return "master '" + masterName + "' via Sentinels " + uris(sentinels, ssl);
    }

    @Override
    public String toString() {
      return "Sentinel[" + describe(false) + "]";
    }
  }

  /**
   * A Redis Cluster: the client learns every node and slot from any one of the seeds.
   *
   * @param seeds nodes to ask for the cluster's layout; one that answers is enough
   */
  record Cluster(List<RedisAddress> seeds) implements RedisTopology {

    public Cluster {
      seeds = List.copyOf(seeds);
      if (seeds.isEmpty()) {
        throw new IllegalArgumentException("Cluster mode needs at least one node");
      }
    }

    @Override
    public String mode() {
      return "cluster";
    }

    @Override
    public String describe(boolean ssl) {
      return "seeds " + uris(seeds, ssl);
    }
  }

  private static String uris(List<RedisAddress> addresses, boolean ssl) {
    return addresses.stream().map(address -> address.uri(ssl)).collect(Collectors.joining(", "));
  }
}
