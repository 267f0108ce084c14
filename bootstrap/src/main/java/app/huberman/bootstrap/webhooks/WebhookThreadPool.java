package app.huberman.bootstrap.webhooks;

import app.huberman.adapters.monitoring.logging.LogContext;
import app.huberman.adapters.rest.subscription.WebhookThreads;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link WebhookThreads}: {@link #THREADS} container-managed threads (they use transactions), with
 * room for {@link #WAITING} more webhooks in line. A webhook's thread mostly waits for its batch's
 * commit, so there are more of them than HTTP threads: as many webhooks can share a commit as there
 * are threads. Each task runs with the request id of the request that handed it over. On shutdown,
 * the webhooks already handed over are still stored and answered, for up to {@link #DRAIN}.
 */
@ApplicationScoped
@Typed(WebhookThreads.class)
public class WebhookThreadPool implements WebhookThreads {

  static final int THREADS = 32;
  static final int WAITING = 1024;
  static final Duration DRAIN = Duration.ofSeconds(30);
  private static final Logger LOG = Logger.getLogger(WebhookThreadPool.class.getName());

  private ThreadPoolExecutor pool;

  /** For the CDI proxy only. */
  protected WebhookThreadPool() {}

  @Inject
  public WebhookThreadPool(ManagedThreadFactory threads) {
    this((ThreadFactory) threads);
  }

  WebhookThreadPool(ThreadFactory threads) {
    this.pool =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(WAITING),
            named(threads));
  }

  @Override
  public void execute(Runnable task) {
    String requestId = LogContext.requestId();
    pool.execute(
        () -> {
          LogContext.setRequestId(requestId);
          try {
            task.run();
          } finally {
            LogContext.clear();
          }
        });
  }

  @PreDestroy
  void stop() {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(DRAIN.toSeconds(), TimeUnit.SECONDS)) {
        LOG.log(
            Level.WARNING,
            "Webhooks still being stored after {0} s of shutdown; their senders will retry",
            DRAIN.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory named(ThreadFactory threads) {
    return new ThreadFactory() {
      private int created;

      @Override
      public synchronized Thread newThread(Runnable runnable) {
        Thread thread = threads.newThread(runnable);
        thread.setName("webhook-" + ++created);
        return thread;
      }
    };
  }
}
