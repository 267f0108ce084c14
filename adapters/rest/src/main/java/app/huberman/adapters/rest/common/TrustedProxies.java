package app.huberman.adapters.rest.common;

import app.huberman.application.shared.IpLiteral;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxies ({@code TRUSTED_PROXIES}: addresses or CIDR blocks) whose {@code X-Forwarded-For} is
 * believed. The client is the right-most address of that header that is not itself a trusted proxy,
 * so a client cannot forge its address by sending the header itself.
 */
public final class TrustedProxies {

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
    byte[] bytes = IpLiteral.bytes(address);
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
      if (IpLiteral.bytes(hop) == null) {
        return peer; // garbage in the header: trust only what we saw ourselves
      }
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return hops[0].strip();
  }

  private record Block(byte[] network, int prefixBits) {

    static Block parse(String entry) {
      int slash = entry.indexOf('/');
      String address = slash < 0 ? entry : entry.substring(0, slash);
      byte[] bytes = IpLiteral.bytes(address);
      if (bytes == null) {
        throw new IllegalArgumentException(
            "TRUSTED_PROXIES: not an IP address or CIDR block: " + entry);
      }
      String prefix = slash < 0 ? null : entry.substring(slash + 1);
      if (prefix != null
          && (prefix.isEmpty()
              || prefix.length() > 3
              || !prefix.chars().allMatch(c -> c >= '0' && c <= '9'))) {
        throw new IllegalArgumentException("TRUSTED_PROXIES: bad prefix length in " + entry);
      }
      int bits = prefix == null ? bytes.length * 8 : Integer.parseInt(prefix);
      if (bits > bytes.length * 8) {
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
