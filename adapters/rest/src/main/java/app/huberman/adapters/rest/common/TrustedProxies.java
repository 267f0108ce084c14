package app.huberman.adapters.rest.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The proxies ({@code TRUSTED_PROXIES}: addresses or CIDR blocks) whose {@code X-Forwarded-For} is
 * believed. The client is the right-most address of that header that is not itself a trusted proxy,
 * so a client cannot forge its address by sending the header itself.
 */
public final class TrustedProxies {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /**
   * @param list comma-separated addresses and CIDR blocks, e.g. {@code 127.0.0.1,::1,172.18.0.0/16}
   */
  public static TrustedProxies parse(String list) {
    List<Block> blocks = new ArrayList<>();
    for (String entry : list.split(",")) {
      String trimmed = entry.strip();
      if (!trimmed.isEmpty()) {
        blocks.add(Block.parse(trimmed));
      }
    }
    return new TrustedProxies(blocks);
  }

  public boolean isTrusted(String address) {
    byte[] bytes = literal(address);
    return bytes != null && blocks.stream().anyMatch(block -> block.contains(bytes));
  }

  /** The client's address, given the connection's peer and the {@code X-Forwarded-For} header. */
  public String clientAddress(String peer, String forwardedFor) {
    if (forwardedFor == null || forwardedFor.isBlank() || !isTrusted(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (literal(hop) == null) {
        return peer; // garbage in the header: trust only what we saw ourselves
      }
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return hops[0].strip();
  }

  /** The bytes of an IP literal, or null: never a DNS look-up. */
  static byte[] literal(String address) {
    if (address == null || address.isEmpty() || address.length() > 45) {
      return null;
    }
    String candidate =
        address.startsWith("[") && address.endsWith("]")
            ? address.substring(1, address.length() - 1)
            : address;
    if (!IPV4.matcher(candidate).matches() && candidate.indexOf(':') < 0) {
      return null;
    }
    try {
      return InetAddress.getByName(candidate).getAddress();
    } catch (UnknownHostException | SecurityException e) {
      return null;
    }
  }

  private record Block(byte[] network, int prefixBits) {

    static Block parse(String entry) {
      int slash = entry.indexOf('/');
      String address = slash < 0 ? entry : entry.substring(0, slash);
      byte[] bytes = literal(address);
      if (bytes == null) {
        throw new IllegalArgumentException(
            "TRUSTED_PROXIES: not an IP address or CIDR block: " + entry);
      }
      int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(entry.substring(slash + 1));
      if (bits < 0 || bits > bytes.length * 8) {
        throw new IllegalArgumentException("TRUSTED_PROXIES: bad prefix length in " + entry);
      }
      return new Block(bytes, bits);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int fullBytes = prefixBits / 8;
      for (int i = 0; i < fullBytes; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefixBits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xFF << (8 - rest);
      return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }
  }
}
