package app.huberman.bootstrap.hashing;

import app.huberman.adapters.monitoring.users.PasswordHashingGauges;
import app.huberman.adapters.rest.user.PasswordHashingThreads;
import app.huberman.bootstrap.config.PasswordHashingSettings;
import app.huberman.bootstrap.threads.HandOverPool;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * {@link PasswordHashingThreads}: {@code PASSWORD_HASHING_THREADS} container-managed threads (the
 * use cases use transactions), with room for {@code PASSWORD_HASHING_QUEUE} more requests in line.
 * Past that a request is refused at once ({@link RejectedExecutionException}, counted in {@link
 * PasswordHashingGauges}), so that a burst of logins is answered 503 instead of waiting longer than
 * a client does. Each task runs with the request id of the request that handed it over, in a CDI
 * request context of its own ({@link InARequestContext}). On shutdown, the requests already handed
 * over are still answered, for up to {@link #DRAIN}.
 *
 * <p>One thread per core by default: Argon2 keeps a core busy for its whole computation, and the
 * security adapter lets only one computation per core run at once anyway. More threads would wait
 * there holding their requests, where the line here could have refused them at once.
 */
@ApplicationScoped
@Typed(PasswordHashingThreads.class)
public class PasswordHashingThreadPool implements PasswordHashingThreads {

  static final Duration DRAIN = Duration.ofSeconds(10);

  private HandOverPool pool;
  private Consumer<Runnable> inARequestContext;
  private PasswordHashingGauges gauges;

  /** For the CDI proxy only. */
  protected PasswordHashingThreadPool() {}

  @Inject
  public PasswordHashingThreadPool(
      ManagedThreadFactory threads,
      PasswordHashingSettings settings,
      InARequestContext requestContext,
      PasswordHashingGauges gauges) {
    this(threads, settings, requestContext::run, gauges);
  }

  PasswordHashingThreadPool(
      ThreadFactory threads,
      PasswordHashingSettings settings,
      Consumer<Runnable> inARequestContext,
      PasswordHashingGauges gauges) {
    this.pool =
        new HandOverPool(
            "password-hashing", lowestPriority(threads), settings.threads(), settings.queue());
    this.inARequestContext = inARequestContext;
    this.gauges = gauges;
    gauges.watch(pool::waiting, pool::running);
  }

  /**
   * Hashing threads yield the cores to the HTTP threads: a storm of sign-ins is served with what
   * reads and webhooks leave, and the line's limit refuses the rest at once. The OS sees the
   * priority with {@code -XX:ThreadPriorityPolicy=1} (bootstrap/jvm.options).
   */
  static ThreadFactory lowestPriority(ThreadFactory threads) {
    return runnable -> {
      Thread thread = threads.newThread(runnable);
      thread.setPriority(Thread.MIN_PRIORITY);
      return thread;
    };
  }

  /** Creates the pool as the application starts, so that its gauges exist before the first. */
  void startWithTheApplication(
      @Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    pool.running();
  }

  @Override
  public void execute(Runnable task) {
    try {
      pool.execute(() -> inARequestContext.accept(task));
    } catch (RejectedExecutionException e) {
      gauges.rejected();
      throw e;
    }
  }

  @PreDestroy
  void stop() {
    pool.stop(DRAIN);
  }
}
