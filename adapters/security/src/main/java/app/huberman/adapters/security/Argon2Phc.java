package app.huberman.adapters.security;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2 PHC string: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash in
 * unpadded standard Base64, the format the reference implementation and other libraries write.
 */
record Argon2Phc(
    Argon2Variant variant,
    int version,
    Argon2Parameters parameters,
    String saltBase64,
    String digestBase64) {

  private static final Pattern SHAPE =
      Pattern.compile(
          "\\$argon2(id|i|d)\\$v=(\\d{1,3})\\$m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,10})"
              + "\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

  /** The two versions Argon2 has had: 1.0 (0x10) and 1.3 (0x13, the current one). */
  static final int VERSION_10 = 0x10;

  static final int VERSION_13 = 0x13;

  private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

  static Argon2Phc of(
      Argon2Variant variant, int version, Argon2Parameters parameters, byte[] salt, byte[] digest) {
    return new Argon2Phc(
        variant, version, parameters, ENCODER.encodeToString(salt), ENCODER.encodeToString(digest));
  }

  /** Empty when the text is not an Argon2 PHC string or asks for parameters out of bounds. */
  static Optional<Argon2Phc> parse(String phc) {
    Matcher matcher = SHAPE.matcher(phc);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      Argon2Variant variant = Argon2Variant.ofPhcSuffix(matcher.group(1));
      int version = Integer.parseInt(matcher.group(2));
      if (version != VERSION_10 && version != VERSION_13) {
        return Optional.empty();
      }
      byte[] salt = Base64.getDecoder().decode(matcher.group(6));
      byte[] digest = Base64.getDecoder().decode(matcher.group(7));
      Argon2Parameters parameters =
          new Argon2Parameters(
              Integer.parseInt(matcher.group(3)),
              Integer.parseInt(matcher.group(4)),
              Integer.parseInt(matcher.group(5)),
              digest.length,
              salt.length);
      return Optional.of(
          new Argon2Phc(variant, version, parameters, matcher.group(6), matcher.group(7)));
    } catch (IllegalArgumentException e) { // bad Base64, number overflow, out of bounds
      return Optional.empty();
    }
  }

  byte[] salt() {
    return Base64.getDecoder().decode(saltBase64);
  }

  byte[] digest() {
    return Base64.getDecoder().decode(digestBase64);
  }

  /** The PHC string itself. */
  String text() {
    return "$%s$v=%d$m=%d,t=%d,p=%d$%s$%s"
        .formatted(
            variant.phcName(),
            version,
            parameters.memoryKib(),
            parameters.iterations(),
            parameters.parallelism(),
            saltBase64,
            digestBase64);
  }
}
