package app.huberman.adapters.rest.common;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Entity tags of cacheable answers, and reading {@code If-None-Match} against them. */
public final class EntityTags {

  private EntityTags() {}

  /** The first 128 bits of the content's SHA-256, in hex: any change to it changes the tag. */
  public static String digest(byte[] content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  /**
   * Whether {@code If-None-Match} names the tag (or is {@code *}), compared weakly as RFC 9110 asks
   * for this header. Anything unreadable just matches nothing: the full answer is sent, never an
   * error.
   */
  public static boolean matches(String ifNoneMatch, String tag) {
    if (ifNoneMatch == null || ifNoneMatch.length() > 1024) {
      return false;
    }
    String quoted = '"' + tag + '"';
    for (String candidate : ifNoneMatch.split(",")) {
      String value = candidate.strip();
      if (value.startsWith("W/")) {
        value = value.substring(2);
      }
      if (value.equals("*") || value.equals(quoted)) {
        return true;
      }
    }
    return false;
  }
}
