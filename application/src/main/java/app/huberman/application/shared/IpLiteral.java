package app.huberman.application.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * IP address literals, read without ever asking DNS: the client addresses the REST adapter accepts
 * and the groups the rate limits count them under.
 */
public final class IpLiteral {

  private IpLiteral() {}

  /**
   * The group a rate limit counts an address under: an IPv6 address's /64 (the network one
   * subscriber is given, whose addresses they can change at will), an IPv4 address itself. Anything
   * that is not a literal is its own group.
   */
  public static String rateLimitGroup(String address) {
    byte[] bytes = bytes(address);
    if (bytes == null) {
      return address;
    }
    if (bytes.length == 4) {
      return (bytes[0] & 0xFF)
          + "."
          + (bytes[1] & 0xFF)
          + "."
          + (bytes[2] & 0xFF)
          + "."
          + (bytes[3] & 0xFF);
    }
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < 8; i += 2) {
      prefix
          .append(Integer.toHexString((bytes[i] & 0xFF) << 8 | (bytes[i + 1] & 0xFF)))
          .append(':');
    }
    return prefix.append(":/64").toString();
  }

  /**
   * The bytes of an IP literal, or null. Parsed here, character by character, and never handed to
   * {@link java.net.InetAddress}, which looks up anything it does not recognise as a literal (such
   * as {@code g:1}) in DNS. Accepted: a dotted quad without leading zeros, and an IPv6 address in
   * full or compressed form, optionally in brackets and optionally ending in a dotted quad; an
   * IPv4-mapped address ({@code ::ffff:a.b.c.d}) gives the IPv4 bytes, as it is the same host. Zone
   * ids, ports and names are refused.
   */
  public static byte[] bytes(String address) {
    if (address == null || address.isEmpty() || address.length() > 47) {
      return null;
    }
    if (address.startsWith("[") && address.endsWith("]")) {
      byte[] v6 = ipv6(address.substring(1, address.length() - 1));
      return v6 == null ? null : unmapped(v6);
    }
    if (address.indexOf(':') < 0) {
      return ipv4(address);
    }
    byte[] v6 = ipv6(address);
    return v6 == null ? null : unmapped(v6);
  }

  /** Four decimal numbers 0 to 255 separated by dots, without leading zeros (octal to some). */
  private static byte[] ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty()
          || part.length() > 3
          || (part.length() > 1 && part.charAt(0) == '0')
          || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int value = Integer.parseInt(part);
      if (value > 255) {
        return null;
      }
      bytes[i] = (byte) value;
    }
    return bytes;
  }

  /** Eight groups of one to four hex digits, at most one {@code ::}, maybe a dotted quad last. */
  private static byte[] ipv6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    List<Integer> head = new ArrayList<>();
    List<Integer> tail = new ArrayList<>();
    boolean ok =
        gap < 0
            ? groups(text, head, true)
            : groups(text.substring(0, gap), head, false)
                && groups(text.substring(gap + 2), tail, true);
    if (!ok) {
      return null;
    }
    int given = head.size() + tail.size();
    if (gap < 0 ? given != 8 : given > 7) {
      return null;
    }
    byte[] bytes = new byte[16];
    int at = 0;
    for (int group : head) {
      bytes[at++] = (byte) (group >> 8);
      bytes[at++] = (byte) group;
    }
    at = 16 - tail.size() * 2;
    for (int group : tail) {
      bytes[at++] = (byte) (group >> 8);
      bytes[at++] = (byte) group;
    }
    return bytes;
  }

  /**
   * Adds the 16-bit groups of a colon-separated run (empty for an empty run) to {@code out}; the
   * last one may be a dotted quad (two groups) when {@code last}.
   */
  private static boolean groups(String run, List<Integer> out, boolean last) {
    if (run.isEmpty()) {
      return true;
    }
    String[] parts = run.split(":", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (last && i == parts.length - 1 && part.indexOf('.') >= 0) {
        byte[] v4 = ipv4(part);
        if (v4 == null) {
          return false;
        }
        out.add((v4[0] & 0xFF) << 8 | (v4[1] & 0xFF));
        out.add((v4[2] & 0xFF) << 8 | (v4[3] & 0xFF));
        continue;
      }
      if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(IpLiteral::isHex)) {
        return false;
      }
      out.add(Integer.parseInt(part, 16));
    }
    return true;
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** The IPv4 bytes of an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}), else the input. */
  private static byte[] unmapped(byte[] v6) {
    for (int i = 0; i < 10; i++) {
      if (v6[i] != 0) {
        return v6;
      }
    }
    if (v6[10] != (byte) 0xFF || v6[11] != (byte) 0xFF) {
      return v6;
    }
    return Arrays.copyOfRange(v6, 12, 16);
  }
}
