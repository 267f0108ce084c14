package app.huberman.bootstrap.launcher;

import java.util.Map;

/**
 * The number of threads that serve HTTP requests ({@code HTTP_THREADS}, by default four per core),
 * set through Payara Micro's pre-boot commands. Payara's own default grows the pool to hundreds of
 * threads, which on a container of a few cores only take turns on them: requests wait for the CPU
 * in the scheduler rather than in the listener's queue, and the slowest wait longest (see
 * docs/benchmarks.md). Four per core keep the cores busy while some requests wait on PostgreSQL or
 * Redis. Webhooks, which wait longest, do so on threads of their own (ADR 0008).
 */
final class HttpThreadPool {

  static final int THREADS_PER_CORE = 4;
  static final int MAX_THREADS = 1024;

  private static final String POOL =
      "configs.config.server-config.thread-pools.thread-pool.http-thread-pool.";

  private final int threads;

  private HttpThreadPool(int threads) {
    this.threads = threads;
  }

  /**
   * @param cores the processors the JVM may use
   */
  static HttpThreadPool fromEnvironment(Map<String, String> environment, int cores) {
    String value = environment.get("HTTP_THREADS");
    if (value == null || value.isBlank()) {
      return new HttpThreadPool(THREADS_PER_CORE * Math.max(1, cores));
    }
    try {
      int threads = Integer.parseInt(value.strip());
      if (threads >= 1 && threads <= MAX_THREADS) {
        return new HttpThreadPool(threads);
      }
    } catch (NumberFormatException e) {
      // answered below, with the same message as a number out of range
    }
    throw new IllegalArgumentException(
        "HTTP_THREADS must be a number of threads from 1 to "
            + MAX_THREADS
            + ", not '"
            + value
            + "'");
  }

  int threads() {
    return threads;
  }

  /** One fixed size: the pool neither grows under load nor shrinks between bursts. */
  String prebootCommands() {
    return "set "
        + POOL
        + "max-thread-pool-size="
        + threads
        + "\n"
        + "set "
        + POOL
        + "min-thread-pool-size="
        + threads
        + "\n";
  }
}
