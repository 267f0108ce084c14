package app.huberman.adapters.rest.user;

import app.huberman.adapters.rest.common.ErrorResponses;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Admission control for the requests that compute Argon2: their use case runs on {@link
 * PasswordHashingThreads}, and the HTTP thread goes back to serving other requests meanwhile. When
 * the threads' line is full the request is answered at once with 503 and {@code Retry-After}, and
 * its use case never runs: nothing is stored, no password is tried, so no guess is counted against
 * the sign-in rate limits either (a refused request tested nothing an attacker could learn from).
 */
public final class PasswordHashing {

  /** The line is sized to drain in well under a second: retrying a second later is enough. */
  static final int RETRY_AFTER_SECONDS = 1;

  static final String BUSY = "Too many passwords are being checked right now. Try again shortly.";

  private static final Logger LOG = Logger.getLogger(PasswordHashing.class.getName());

  private final PasswordHashingThreads threads;

  public PasswordHashing(PasswordHashingThreads threads) {
    this.threads = Objects.requireNonNull(threads, "threads");
  }

  /**
   * Runs {@code useCase} on a hashing thread and resumes {@code answer} with what it returns (an
   * entity or a {@link Response}) or throws (mapped as any resource's exception), or refuses it.
   */
  void answer(AsyncResponse answer, Supplier<?> useCase) {
    try {
      threads.execute(() -> answerHere(answer, useCase));
    } catch (RejectedExecutionException e) {
      LOG.warning("Too many requests waiting to hash a password: answered 503");
      answer.resume(busy());
    }
  }

  /** Runs {@code useCase} on this thread and resumes {@code answer} with its outcome. */
  static void answerHere(AsyncResponse answer, Supplier<?> useCase) {
    Object result;
    try {
      result = useCase.get();
    } catch (RuntimeException e) {
      answer.resume(e);
      return;
    }
    answer.resume(result);
  }

  /** 503 with {@code Retry-After} and the contract's error body. */
  static Response busy() {
    return ErrorResponses.error(503, BUSY)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .build();
  }
}
