package app.huberman.bootstrap.webhooks;

import app.huberman.adapters.rest.subscription.WebhookThreads;
import app.huberman.bootstrap.threads.HandOverPool;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;

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

  private HandOverPool pool;

  /** For the CDI proxy only. */
  protected WebhookThreadPool() {}

  @Inject
  public WebhookThreadPool(ManagedThreadFactory threads) {
    this((ThreadFactory) threads);
  }

  WebhookThreadPool(ThreadFactory threads) {
    this.pool = new HandOverPool("webhook", threads, THREADS, WAITING);
  }

  @Override
  public void execute(Runnable task) {
    pool.execute(task);
  }

  @PreDestroy
  void stop() {
    pool.stop(DRAIN);
  }
}
