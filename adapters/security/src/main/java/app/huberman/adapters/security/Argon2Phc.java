package app.huberman.adapters.security;

import com.password4j.types.Argon2;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Argon2 PHC string: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash
 * in unpadded standard Base64.
 */
record Argon2Phc(Argon2 variant, int version, Argon2Parameters parameters) {

  private static final Pattern SHAPE =
      Pattern.compile(
          "\\$argon2(id|i|d)\\$v=(\\d{1,3})\\$m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,10})"
              + "\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

  /** Empty when the text is not an Argon2 PHC string or asks for parameters out of bounds. */
  static Optional<Argon2Phc> parse(String phc) {
    Matcher matcher = SHAPE.matcher(phc);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      Argon2 variant = Argon2.valueOf(matcher.group(1).toUpperCase(Locale.ROOT));
      int version = Integer.parseInt(matcher.group(2));
      byte[] salt = Base64.getDecoder().decode(matcher.group(6));
      byte[] hash = Base64.getDecoder().decode(matcher.group(7));
      Argon2Parameters parameters =
          new Argon2Parameters(
              Integer.parseInt(matcher.group(3)),
              Integer.parseInt(matcher.group(4)),
              Integer.parseInt(matcher.group(5)),
              hash.length,
              salt.length);
      return Optional.of(new Argon2Phc(variant, version, parameters));
    } catch (IllegalArgumentException e) { // bad Base64, number overflow, out of bounds
      return Optional.empty();
    }
  }
}
