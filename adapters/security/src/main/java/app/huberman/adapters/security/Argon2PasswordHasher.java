package app.huberman.adapters.security;

import app.huberman.application.user.port.out.PasswordHasherPort;
import app.huberman.domain.user.PasswordHash;
import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Argon2id through Password4j, configured entirely in code: every Password4j call here names its
 * function and salt explicitly, so none of its defaults is read from {@code psw4j.properties} (no
 * file needed, no warning logged about a missing one). Salts come from this class's own {@link
 * SecureRandom}.
 *
 * <p>A stored hash is verified with the parameters written in it, so hashes made by an earlier
 * release keep working until the login that rehashes them.
 */
@ApplicationScoped
public class Argon2PasswordHasher implements PasswordHasherPort {

  private static final int VERSION = Argon2Function.ARGON2_VERSION_13;

  private final Argon2Parameters parameters;
  private final Argon2Function function;
  private final SecureRandom random = new SecureRandom();
  private final PasswordHash dummy;

  /** Hashes with {@link Argon2Parameters#OWASP}. */
  @Inject
  public Argon2PasswordHasher() {
    this(Argon2Parameters.OWASP);
  }

  public Argon2PasswordHasher(Argon2Parameters parameters) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.function = function(Argon2.ID, VERSION, parameters);
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    this.dummy = newHash(HexFormat.of().formatHex(secret));
  }

  @Override
  public PasswordHash hash(String password) {
    return newHash(Objects.requireNonNull(password, "password"));
  }

  @Override
  public boolean verify(String password, PasswordHash hash) {
    Objects.requireNonNull(password, "password");
    Optional<Argon2Phc> stored = Argon2Phc.parse(hash.phc());
    if (stored.isEmpty()) {
      return false;
    }
    Argon2Phc phc = stored.get();
    // Recomputes the PHC string with the stored salt and compares all of it in constant time.
    return function(phc.variant(), phc.version(), phc.parameters())
        .check(bytes(password), hash.phc().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean needsRehash(PasswordHash hash) {
    return Argon2Phc.parse(hash.phc())
        .map(
            phc ->
                phc.variant() != Argon2.ID
                    || phc.version() != VERSION
                    || !phc.parameters().equals(parameters))
        .orElse(true);
  }

  @Override
  public void verifyAgainstDummy(String password) {
    verify(password, dummy);
  }

  private PasswordHash newHash(String password) {
    byte[] salt = new byte[parameters.saltLength()];
    random.nextBytes(salt);
    return new PasswordHash(function.hash(bytes(password), salt).getResult());
  }

  private static Argon2Function function(Argon2 variant, int version, Argon2Parameters p) {
    return Argon2Function.getInstance(
        p.memoryKib(), p.iterations(), p.parallelism(), p.hashLength(), variant, version);
  }

  private static byte[] bytes(String password) {
    return password.getBytes(StandardCharsets.UTF_8);
  }
}
