package app.huberman.bootstrap.config;

/**
 * The threads that hash and verify passwords off the HTTP threads, and how many requests may wait
 * for them.
 *
 * @param threads {@code PASSWORD_HASHING_THREADS}: Argon2 keeps a core busy for each computation,
 *     so by default one thread per core
 * @param queue {@code PASSWORD_HASHING_QUEUE}: requests that may wait for a thread; past that, 503.
 *     By default four per thread: with a hash of about 50 ms, the last in line waits about 200 ms
 */
public record PasswordHashingSettings(int threads, int queue) {

  static final int MAX_THREADS = 256;
  static final int MAX_QUEUE = 100_000;

  public PasswordHashingSettings {
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException(
          "PASSWORD_HASHING_THREADS must be between 1 and " + MAX_THREADS + ", not " + threads);
    }
    if (queue < 1 || queue > MAX_QUEUE) {
      throw new IllegalArgumentException(
          "PASSWORD_HASHING_QUEUE must be between 1 and " + MAX_QUEUE + ", not " + queue);
    }
  }

  /** Unset values take the defaults: a thread per core, four waiting per thread. */
  static PasswordHashingSettings of(String threads, String queue, int cores) {
    int threadCount =
        threads.isBlank() ? cores : number("PASSWORD_HASHING_THREADS", threads.strip());
    int queueLength =
        queue.isBlank() ? 4 * threadCount : number("PASSWORD_HASHING_QUEUE", queue.strip());
    return new PasswordHashingSettings(threadCount, queueLength);
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'", e);
    }
  }
}
