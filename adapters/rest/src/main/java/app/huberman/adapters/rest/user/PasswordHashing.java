package app.huberman.adapters.rest.user;

import app.huberman.adapters.rest.common.ConsultedRateLimits;
import app.huberman.adapters.rest.common.ConsultedRateLimits.Consulted;
import app.huberman.adapters.rest.common.ErrorResponses;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Admission control for the requests that compute Argon2: their use case runs on {@link
 * PasswordHashingThreads}, and the HTTP thread goes back to serving other requests meanwhile. When
 * the threads' line is full the request is answered at once with 503 and {@code Retry-After}, and
 * its password is never checked: nothing is stored, and a sign-in's counted attempt is given back,
 * so a refused request counts against no rate limit. This opens no way around them: a sign-in is
 * counted before it joins the line (a client past its limit gets 429 and never waits), and a
 * refused one tried no password. The rate limits the request consulted so far go with it, for the
 * {@code X-RateLimit-*} headers of its answer.
 */
public final class PasswordHashing {

  /** The line is sized to drain in well under a second: retrying a second later is enough. */
  static final int RETRY_AFTER_SECONDS = 1;

  static final String BUSY = "Too many passwords are being checked right now. Try again shortly.";

  private static final Logger LOG = Logger.getLogger(PasswordHashing.class.getName());

  private final PasswordHashingThreads threads;
  private final ConsultedRateLimits consulted;

  public PasswordHashing(PasswordHashingThreads threads, ConsultedRateLimits consulted) {
    this.threads = Objects.requireNonNull(threads, "threads");
    this.consulted = Objects.requireNonNull(consulted, "consulted");
  }

  /**
   * Runs {@code useCase} on a hashing thread and resumes {@code answer} with what it returns (an
   * entity or a {@link Response}) or throws (mapped as any resource's exception), or refuses it.
   */
  void answer(AsyncResponse answer, Supplier<?> useCase) {
    answer(answer, useCase, () -> {});
  }

  /**
   * Admits the request on this thread first ({@code admit}: validation and rate limits, whose
   * refusal is the answer), then completes it on a hashing thread, or withdraws it when refused.
   */
  <A> void answer(
      AsyncResponse answer, Supplier<A> admit, Function<A, ?> complete, Consumer<A> withdraw) {
    outcome(answer, admit)
        .ifPresent(
            admitted ->
                answer(answer, () -> complete.apply(admitted), () -> withdraw.accept(admitted)));
  }

  private void answer(AsyncResponse answer, Supplier<?> useCase, Runnable onRefusal) {
    Map<String, Consulted> consultedSoFar = consulted.handOver();
    try {
      threads.execute(
          () -> {
            consulted.takeOver(consultedSoFar);
            answerHere(answer, useCase);
          });
    } catch (RejectedExecutionException e) {
      // Not a warning: a storm would write a line per refusal. password_hashing_rejected_total
      // counts them.
      LOG.fine("Too many requests waiting to hash a password: answered 503");
      try {
        onRefusal.run();
      } finally {
        answer.resume(busy());
      }
    }
  }

  /** Runs {@code useCase} on this thread and resumes {@code answer} with its outcome. */
  static void answerHere(AsyncResponse answer, Supplier<?> useCase) {
    outcome(answer, useCase).ifPresent(answer::resume);
  }

  /** What {@code work} returns; or empty, once {@code answer} is resumed with what it threw. */
  private static <T> Optional<T> outcome(AsyncResponse answer, Supplier<T> work) {
    try {
      return Optional.of(work.get());
    } catch (RuntimeException e) {
      answer.resume(e);
      return Optional.empty();
    }
  }

  /** 503 with {@code Retry-After} and the contract's error body. */
  static Response busy() {
    return ErrorResponses.error(503, BUSY)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .build();
  }
}
