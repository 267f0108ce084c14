package app.huberman.adapters.security;

import app.huberman.application.user.port.out.PasswordHasherPort;
import app.huberman.domain.user.PasswordHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.BlockPool;

/**
 * Argon2id through BouncyCastle's {@link Argon2BytesGenerator}, stored as standard PHC strings.
 * Salts come from this class's own {@link SecureRandom}; the working memory is kept between
 * computations ({@link Argon2Memory}).
 *
 * <p>A stored hash is verified with the parameters written in it, so hashes made by an earlier
 * release (Password4j wrote the same PHC format) keep working until the login that rehashes them.
 */
@ApplicationScoped
public class Argon2PasswordHasher implements PasswordHasherPort {

  private static final Argon2Variant VARIANT = Argon2Variant.ID;
  private static final int VERSION = Argon2Phc.VERSION_13;

  private final Argon2Parameters parameters;
  private final Argon2Memory memory;
  private final SecureRandom random = new SecureRandom();
  private final PasswordHash dummy;

  /** Hashes with {@link Argon2Parameters#OWASP}. */
  @Inject
  public Argon2PasswordHasher() {
    this(Argon2Parameters.OWASP);
  }

  public Argon2PasswordHasher(Argon2Parameters parameters) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.memory = new Argon2Memory(Runtime.getRuntime().availableProcessors(), parameters);
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    this.dummy = newHash(HexFormat.of().formatHex(secret));
  }

  @Override
  public PasswordHash hash(String password) {
    return newHash(Objects.requireNonNull(password, "password"));
  }

  private PasswordHash newHash(String password) {
    byte[] salt = new byte[parameters.saltLength()];
    random.nextBytes(salt);
    byte[] digest = compute(VARIANT, VERSION, parameters, password, salt);
    return new PasswordHash(Argon2Phc.of(VARIANT, VERSION, parameters, salt, digest).text());
  }

  @Override
  public boolean verify(String password, PasswordHash hash) {
    Objects.requireNonNull(password, "password");
    Optional<Argon2Phc> stored = Argon2Phc.parse(hash.phc());
    if (stored.isEmpty()) {
      return false;
    }
    Argon2Phc phc = stored.get();
    byte[] computed = compute(phc.variant(), phc.version(), phc.parameters(), password, phc.salt());
    return MessageDigest.isEqual(computed, phc.digest()); // constant time for equal lengths
  }

  @Override
  public boolean needsRehash(PasswordHash hash) {
    return Argon2Phc.parse(hash.phc())
        .map(
            phc ->
                phc.variant() != VARIANT
                    || phc.version() != VERSION
                    || !phc.parameters().equals(parameters))
        .orElse(true);
  }

  @Override
  public void verifyAgainstDummy(String password) {
    verify(password, dummy);
  }

  private byte[] compute(
      Argon2Variant variant, int version, Argon2Parameters p, String password, byte[] salt) {
    org.bouncycastle.crypto.params.Argon2Parameters.Builder builder =
        variant
            .builder()
            .withVersion(version)
            .withMemoryAsKB(p.memoryKib())
            .withIterations(p.iterations())
            .withParallelism(p.parallelism())
            .withSalt(salt);
    Optional<BlockPool> pool = memory.borrow();
    try {
      pool.ifPresent(builder::withBlockPool);
      Argon2BytesGenerator generator = new Argon2BytesGenerator();
      generator.init(builder.build());
      byte[] digest = new byte[p.hashLength()];
      generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), digest);
      return digest;
    } finally {
      pool.ifPresent(memory::giveBack);
    }
  }
}
