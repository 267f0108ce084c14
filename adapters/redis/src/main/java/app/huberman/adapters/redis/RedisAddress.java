package app.huberman.adapters.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One Redis or Sentinel server: a host name or IP address, and a TCP port.
 *
 * @param host a name, an IPv4 address or an IPv6 address (without brackets)
 */
public record RedisAddress(String host, int port) {

  public RedisAddress {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()
        || host.chars().anyMatch(c -> Character.isWhitespace(c) || "/@[]".indexOf(c) >= 0)) {
      throw new IllegalArgumentException("Not a host: '" + host + "'");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("Not a TCP port: " + port);
    }
  }

  /**
   * Reads {@code host:port}, or {@code [ipv6]:port}.
   *
   * @throws IllegalArgumentException when it is not one
   */
  public static RedisAddress parse(String text) {
    String value = text.strip();
    int colon = value.lastIndexOf(':');
    if (colon < 1 || colon == value.length() - 1) {
      throw new IllegalArgumentException("Not host:port: '" + text + "'");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.indexOf(':') >= 0) {
      throw new IllegalArgumentException("An IPv6 address goes in brackets: '" + text + "'");
    }
    String port = value.substring(colon + 1);
    if (!port.chars().allMatch(Character::isDigit) || port.length() > 5) {
      throw new IllegalArgumentException("Not host:port: '" + text + "'");
    }
    return new RedisAddress(host, Integer.parseInt(port));
  }

  /**
   * Reads {@code host:port} entries separated by commas; blank entries are skipped.
   *
   * @throws IllegalArgumentException naming the first entry that is not {@code host:port}
   */
  public static List<RedisAddress> parseList(String text) {
    List<RedisAddress> addresses = new ArrayList<>();
    for (String entry : text.split(",", -1)) {
      if (!entry.isBlank()) {
        addresses.add(parse(entry));
      }
    }
    return List.copyOf(addresses);
  }

  /** Redisson's address: {@code rediss://} with TLS, {@code redis://} without. */
  public String uri(boolean ssl) {
    String literal = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return (ssl ? "rediss://" : "redis://") + literal + ":" + port;
  }
}
