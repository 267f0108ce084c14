package app.huberman.adapters.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.domain.user.PasswordHash;
import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2PasswordHasherTest {

  /** Cheap enough for many hashes per test; OWASP only where the real parameters matter. */
  private static final Argon2Parameters CHEAP = new Argon2Parameters(64, 1, 1, 32, 16);

  private static final Argon2PasswordHasher OWASP = new Argon2PasswordHasher();
  private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(CHEAP);

  @Test
  void aHashVerifiesItsOwnPassword() {
    PasswordHash hash = hasher.hash("correct horse battery staple");

    assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
    assertThat(hasher.needsRehash(hash)).isFalse();
  }

  @Test
  void aWrongPasswordDoesNotVerify() {
    PasswordHash hash = hasher.hash("correct horse battery staple");

    assertThat(hasher.verify("correct horse battery stapl", hash)).isFalse();
    assertThat(hasher.verify("Correct horse battery staple", hash)).isFalse();
    assertThat(hasher.verify("", hash)).isFalse();
  }

  @Test
  void hashesWithTheOwaspParametersAsAPhcString() {
    PasswordHash hash = OWASP.hash("zwölf Boxkämpfer jagen Viktor 🥊");

    // 16-byte salt and 32-byte hash in unpadded Base64: 22 and 43 characters
    assertThat(hash.phc())
        .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(OWASP.verify("zwölf Boxkämpfer jagen Viktor 🥊", hash)).isTrue();
    assertThat(OWASP.needsRehash(hash)).isFalse();
    assertThat(Argon2Parameters.OWASP).isEqualTo(new Argon2Parameters(19_456, 2, 1, 32, 16));
  }

  @Test
  void aHashIsWhatTheReferenceImplementationComputes() {
    // The Argon2 reference CLI: echo -n "password" | argon2 somesalt -t 2 -m 16 -p 4 -l 24
    PasswordHash reference =
        new PasswordHash(
            "$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG");

    assertThat(hasher.verify("password", reference)).isTrue();
    assertThat(hasher.verify("passwore", reference)).isFalse();
    assertThat(hasher.needsRehash(reference)).isTrue();
  }

  @Test
  void hashesAgreeWithAnotherImplementationBothWays() {
    // Password4j hashed the passwords of earlier releases; its PHC strings must keep verifying.
    Argon2Function password4j = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID, 19);
    SecureRandom random = new SecureRandom();
    for (String password : List.of("correct horse battery staple", "zwölf Boxkämpfer 🥊", "")) {
      byte[] salt = new byte[16];
      random.nextBytes(salt);
      PasswordHash theirs = new PasswordHash(password4j.hash(bytes(password), salt).getResult());
      PasswordHash ours = OWASP.hash(password);

      assertThat(OWASP.verify(password, theirs)).isTrue();
      assertThat(OWASP.verify(password + "!", theirs)).isFalse();
      assertThat(OWASP.needsRehash(theirs)).isFalse();
      assertThat(password4j.check(bytes(password), bytes(ours.phc()))).isTrue();
    }
  }

  @Test
  void keptWorkingMemoryNeverLeaksIntoTheNextResult() throws Exception {
    // More threads than kept pools (one per core): computations wait for pools and reuse their
    // dirty blocks, some with parameters larger than a pool keeps. All must agree.
    PasswordHash reference =
        new PasswordHash(
            "$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG");
    Argon2PasswordHasher shared = new Argon2PasswordHasher(new Argon2Parameters(256, 1, 1, 32, 16));
    int threads = Runtime.getRuntime().availableProcessors() + 2;
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads * 3; i++) {
        String password = "password " + i;
        results.add(
            pool.submit(
                () -> {
                  PasswordHash hash = shared.hash(password);
                  return shared.verify(password, hash)
                      && !shared.verify(password + "?", hash)
                      && shared.verify("password", reference);
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    }
  }

  static Stream<Argon2Parameters> otherParameters() {
    return Stream.of(
        new Argon2Parameters(128, 1, 1, 32, 16),
        new Argon2Parameters(64, 2, 1, 32, 16),
        new Argon2Parameters(64, 1, 2, 32, 16),
        new Argon2Parameters(64, 1, 1, 64, 16),
        new Argon2Parameters(64, 1, 1, 32, 32));
  }

  @ParameterizedTest
  @MethodSource("otherParameters")
  void aHashWithOtherParametersStillVerifiesButNeedsRehash(Argon2Parameters other) {
    PasswordHash old = new Argon2PasswordHasher(other).hash("an older release's password");

    assertThat(hasher.verify("an older release's password", old)).isTrue();
    assertThat(hasher.verify("another password", old)).isFalse();
    assertThat(hasher.needsRehash(old)).isTrue();
    assertThat(OWASP.needsRehash(old)).isTrue();
    assertThat(OWASP.needsRehash(OWASP.hash("an older release's password"))).isFalse();
  }

  @Test
  void anotherVariantOrVersionNeedsRehash() {
    Argon2Function argon2i = Argon2Function.getInstance(64, 1, 1, 32, Argon2.I, 19);
    Argon2Function version10 = Argon2Function.getInstance(64, 1, 1, 32, Argon2.ID, 16);
    byte[] salt = bytes("sixteen byte slt");

    PasswordHash i = new PasswordHash(argon2i.hash(bytes("pw"), salt).getResult());
    PasswordHash v10 = new PasswordHash(version10.hash(bytes("pw"), salt).getResult());

    assertThat(i.phc()).startsWith("$argon2i$v=19$m=64,t=1,p=1$");
    assertThat(v10.phc()).startsWith("$argon2id$v=16$m=64,t=1,p=1$");
    assertThat(hasher.verify("pw", i)).isTrue();
    assertThat(hasher.verify("pw", v10)).isTrue();
    assertThat(hasher.needsRehash(i)).isTrue();
    assertThat(hasher.needsRehash(v10)).isTrue();
  }

  @Test
  void everyHashHasItsOwnSalt() {
    PasswordHash first = hasher.hash("same password");
    PasswordHash second = hasher.hash("same password");

    assertThat(salt(first)).isNotEqualTo(salt(second));
    assertThat(first.phc()).isNotEqualTo(second.phc());
    assertThat(hasher.verify("same password", first)).isTrue();
    assertThat(hasher.verify("same password", second)).isTrue();
  }

  @Test
  void aLongPasswordIsNeverTruncated() {
    String password = "a".repeat(127) + "b";
    PasswordHash hash = hasher.hash(password);

    assertThat(password).hasSize(128);
    assertThat(hasher.verify(password, hash)).isTrue();
    assertThat(hasher.verify("a".repeat(127) + "c", hash)).isFalse();
    assertThat(hasher.verify("a".repeat(127), hash)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "$",
        "$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
        "$argon2id$v=19$m=64,t=1,p=1$",
        "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ",
        "$argon2id$v=19$m=64,t=1$c29tZXNhbHQxMjM0NQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
        "$argon2id$m=64,t=1,p=1$c29tZXNhbHQxMjM0NQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
        "$argon2id$v=19$m=x,t=1,p=1$c29tZXNhbHQxMjM0NQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
        "$argon2id$v=19$m=-64,t=1,p=1$c29tZXNhbHQxMjM0NQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
        "$argon2id$v=19$m=99999999999,t=1,p=1$c29tZXNhbHQxMjM0NQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
        "$argon2id$v=19$m=4194304,t=1,p=1$c29tZXNhbHQxMjM0NQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
        "$argon2id$v=19$m=64,t=0,p=1$c29tZXNhbHQxMjM0NQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
        "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQxMjM0NQ$Rdesc=udvJCsgt3ub+b+dWRWJTmaaJObG",
        "$argon2id$v=19$m=64,t=1,p=1$c29t$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
        "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQxMjM0NQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG$",
        "$argon2id$v=18$m=64,t=1,p=1$c29tZXNhbHQxMjM0NQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
        "$argon2x$v=19$m=64,t=1,p=1$c29tZXNhbHQxMjM0NQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
      })
  void aMalformedHashVerifiesNothingAndNeedsRehash(String phc) {
    PasswordHash malformed = new PasswordHash(phc);

    assertThat(hasher.verify("password", malformed)).isFalse();
    assertThat(hasher.needsRehash(malformed)).isTrue();
  }

  @Test
  void aWellFormedHashOfAnotherPasswordWithTheCurrentParametersNeedsNoRehash() {
    // Same shape as ours, wrong digest: verification fails, the parameters are current.
    String phc = hasher.hash("x").phc();
    String tampered = phc.substring(0, phc.length() - 1) + (phc.endsWith("A") ? "B" : "A");

    assertThat(hasher.verify("x", new PasswordHash(tampered))).isFalse();
    assertThat(hasher.needsRehash(new PasswordHash(tampered))).isFalse();
  }

  @Test
  void theDummyVerificationCostsAboutAsMuchAsARealOne() {
    PasswordHash real = OWASP.hash("a password");
    OWASP.verify("warm up", real);
    OWASP.verifyAgainstDummy("warm up");

    long realNanos = Long.MAX_VALUE;
    long dummyNanos = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long started = System.nanoTime();
      OWASP.verify("a guess", real);
      realNanos = Math.min(realNanos, System.nanoTime() - started);
      started = System.nanoTime();
      OWASP.verifyAgainstDummy("a guess");
      dummyNanos = Math.min(dummyNanos, System.nanoTime() - started);
    }

    assertThat(dummyNanos).isBetween(realNanos / 3, realNanos * 3);
  }

  @Test
  void parametersOutsideTheBoundsAreRefused() {
    assertThatThrownBy(() -> new Argon2Parameters(7, 1, 1, 32, 16))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2Parameters(64, 0, 1, 32, 16))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2Parameters(64, 1, 1, 8, 16))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2Parameters(64, 1, 1, 32, 4))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String salt(PasswordHash hash) {
    return hash.phc().split("\\$", -1)[4];
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
