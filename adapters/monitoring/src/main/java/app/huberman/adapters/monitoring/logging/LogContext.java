package app.huberman.adapters.monitoring.logging;

/**
 * What the current thread is working for (request id, user id), added to every log line it writes.
 * Set at the edge (a request filter, a job worker) and always cleared in a {@code finally}.
 */
public final class LogContext {

  private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();
  private static final ThreadLocal<String> USER_ID = new ThreadLocal<>();

  private LogContext() {}

  public static void setRequestId(String requestId) {
    REQUEST_ID.set(requestId);
  }

  public static String requestId() {
    return REQUEST_ID.get();
  }

  public static void setUserId(String userId) {
    USER_ID.set(userId);
  }

  public static String userId() {
    return USER_ID.get();
  }

  public static void clear() {
    REQUEST_ID.remove();
    USER_ID.remove();
  }
}
