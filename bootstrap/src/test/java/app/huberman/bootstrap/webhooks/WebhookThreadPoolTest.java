package app.huberman.bootstrap.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.adapters.monitoring.logging.LogContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookThreadPoolTest {

  private final WebhookThreadPool pool = new WebhookThreadPool(Thread.ofPlatform().factory());
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    pool.stop();
    LogContext.clear();
  }

  @Test
  void runsATaskWithTheRequestIdOfTheThreadThatHandedItOverAndClearsItAfter() throws Exception {
    CompletableFuture<String> seen = new CompletableFuture<>();
    CompletableFuture<String> seenByTheNextTask = new CompletableFuture<>();
    LogContext.setRequestId("req-1");

    pool.execute(() -> seen.complete(LogContext.requestId()));
    LogContext.clear();
    for (int i = 0; i < WebhookThreadPool.THREADS; i++) {
      pool.execute(() -> seenByTheNextTask.complete(String.valueOf(LogContext.requestId())));
    }

    assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("req-1");
    assertThat(seenByTheNextTask.get(10, TimeUnit.SECONDS)).isEqualTo("null");
  }

  @Test
  void refusesATaskOnceEveryThreadIsBusyAndTheLineIsFull() {
    for (int i = 0; i < WebhookThreadPool.THREADS + WebhookThreadPool.WAITING; i++) {
      pool.execute(this::waitForRelease);
    }

    assertThatThrownBy(() -> pool.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void finishesTheTasksHandedOverBeforeItStops() {
    AtomicInteger done = new AtomicInteger();
    for (int i = 0; i < WebhookThreadPool.THREADS * 2; i++) {
      pool.execute(
          () -> {
            waitForRelease();
            done.incrementAndGet();
          });
    }

    release.countDown();
    pool.stop();

    assertThat(done).hasValue(WebhookThreadPool.THREADS * 2);
    assertThatThrownBy(() -> pool.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
  }

  private void waitForRelease() {
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
