package app.huberman.adapters.security;

/**
 * The cost of an Argon2id hash. Also the bounds within which a stored hash is believed: a PHC
 * string asking for more is treated as malformed rather than allowed to exhaust the server.
 *
 * @param memoryKib memory in KiB (m)
 * @param iterations passes over the memory (t)
 * @param parallelism lanes (p)
 * @param hashLength bytes of output
 * @param saltLength bytes of random salt
 */
public record Argon2Parameters(
    int memoryKib, int iterations, int parallelism, int hashLength, int saltLength) {

  /**
   * OWASP Password Storage Cheat Sheet: Argon2id, m=19456 (19 MiB), t=2, p=1; 32-byte hash and
   * 16-byte salt. What this release hashes with.
   */
  public static final Argon2Parameters OWASP = new Argon2Parameters(19_456, 2, 1, 32, 16);

  static final int MAX_MEMORY_KIB = 1 << 20; // 1 GiB
  static final int MAX_ITERATIONS = 100;
  static final int MAX_PARALLELISM = 64;
  static final int MAX_LENGTH = 1_024;

  public Argon2Parameters {
    require(parallelism >= 1 && parallelism <= MAX_PARALLELISM, "parallelism", parallelism);
    require(memoryKib >= 8 * parallelism && memoryKib <= MAX_MEMORY_KIB, "memory (KiB)", memoryKib);
    require(iterations >= 1 && iterations <= MAX_ITERATIONS, "iterations", iterations);
    require(hashLength >= 16 && hashLength <= MAX_LENGTH, "hash length", hashLength);
    require(saltLength >= 8 && saltLength <= MAX_LENGTH, "salt length", saltLength);
  }

  private static void require(boolean condition, String name, int value) {
    if (!condition) {
      throw new IllegalArgumentException("Argon2 " + name + " out of range: " + value);
    }
  }
}
