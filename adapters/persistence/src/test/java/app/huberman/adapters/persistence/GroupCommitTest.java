package app.huberman.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.shared.DependencyUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class GroupCommitTest {

  private static final Duration LONG = Duration.ofSeconds(20);

  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final Work work = new Work();

  @AfterEach
  void stopCallers() {
    work.releaseAll();
    callers.shutdownNow();
  }

  @Test
  void aLoneCallerCommitsAtOnceInABatchOfItsOwn() {
    GroupCommit<String, String> commit = groupCommit(64, LONG);

    assertThat(commit.submit("a")).isEqualTo("A");
    assertThat(work.batches()).containsExactly(List.of("a"));
  }

  @Test
  void callersArrivingDuringACommitGoTogetherInTheNextBatchUpToTheCap() throws Exception {
    GroupCommit<String, String> commit = groupCommit(3, LONG);
    Held first = holdFirstCommit(commit);
    List<Future<String>> followers = queueBehind(commit, "b", "c", "d", "e");

    first.release().countDown();

    assertThat(first.leader().get()).isEqualTo("FIRST");
    for (Future<String> follower : followers) {
      assertThat(follower.get()).isIn("B", "C", "D", "E");
    }
    assertThat(work.batches())
        .containsExactly(List.of("first"), List.of("b", "c", "d"), List.of("e"));
  }

  @Test
  void everyOneOfManyConcurrentCallersGetsExactlyItsOwnAnswer() throws Exception {
    GroupCommit<String, String> commit = groupCommit(16, LONG);
    work.pauseEachCommit();
    int threads = 24;
    int each = 150;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<String>>> answers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Callable<List<String>> caller =
          () -> {
            start.await();
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < each; i++) {
              String item = "t" + thread + "-" + i;
              String answer = commit.submit(item);
              assertThat(answer).isEqualTo(item.toUpperCase(Locale.ROOT));
              mine.add(answer);
            }
            return mine;
          };
      answers.add(callers.submit(caller));
    }
    start.countDown();
    int answered = 0;
    for (Future<List<String>> answer : answers) {
      answered += answer.get().size();
    }

    assertThat(answered).isEqualTo(threads * each);
    List<String> committed = work.batches().stream().flatMap(List::stream).toList();
    assertThat(committed).hasSize(threads * each).doesNotHaveDuplicates();
    assertThat(work.batches()).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 16));
    assertThat(work.batches().size()).as("commits, fewer than callers").isLessThan(threads * each);
    assertThat(commit.queued()).isZero();
  }

  @Test
  void aBatchThatFailsIsRetriedItemByItemSoOnlyTheBadItemFails() throws Exception {
    GroupCommit<String, String> commit = groupCommit(64, LONG);
    work.failWhen(batch -> batch.contains("bad"), () -> new IllegalArgumentException("bad item"));
    Held first = holdFirstCommit(commit);
    List<Future<String>> followers = queueBehind(commit, "a", "bad", "c");
    Future<String> a = followers.get(0);
    Future<String> bad = followers.get(1);
    Future<String> c = followers.get(2);

    first.release().countDown();

    assertThat(first.leader().get()).isEqualTo("FIRST");
    assertThat(a.get()).isEqualTo("A");
    assertThat(c.get()).isEqualTo("C");
    assertThatThrownBy(bad::get).hasRootCauseInstanceOf(IllegalArgumentException.class);
    assertThat(work.attempts())
        .containsExactly(
            List.of("first"), List.of("a", "bad", "c"), List.of("a"), List.of("bad"), List.of("c"));
    assertThat(work.batches()).containsExactly(List.of("first"), List.of("a"), List.of("c"));
  }

  @Test
  void aBatchThatCannotReachTheDatabaseFailsEveryCallerInItWithoutRetrying() throws Exception {
    GroupCommit<String, String> commit = groupCommit(64, LONG);
    DependencyUnavailableException down =
        new DependencyUnavailableException("database", new RuntimeException("connection refused"));
    Held first = holdFirstCommit(commit);
    work.failWhen(batch -> true, () -> down);
    List<Future<String>> followers = queueBehind(commit, "a", "b", "c");

    first.release().countDown();

    assertThat(first.leader().get()).isEqualTo("FIRST");
    for (Future<String> follower : followers) {
      assertThatThrownBy(follower::get).hasCause(down);
    }
    assertThat(work.attempts()).containsExactly(List.of("first"), List.of("a", "b", "c"));
    assertThat(commit.queued()).isZero();
  }

  @Test
  void aCallerWhoseItemNoCommitTookInTimeWithdrawsItAndGivesUp() throws Exception {
    GroupCommit<String, String> commit = groupCommit(64, Duration.ofMillis(200));
    Held first = holdFirstCommit(commit);

    assertThatThrownBy(() -> commit.submit("late"))
        .isInstanceOf(GaveUp.class)
        .hasMessageContaining("within");
    assertThat(commit.queued()).isZero();

    first.release().countDown();
    assertThat(first.leader().get()).isEqualTo("FIRST");
    assertThat(commit.submit("next")).isEqualTo("NEXT");
    assertThat(work.attempts()).containsExactly(List.of("first"), List.of("next"));
  }

  @Test
  void anInterruptedCallerWhoseItemIsQueuedWithdrawsItAndKeepsItsInterrupt() throws Exception {
    GroupCommit<String, String> commit = groupCommit(64, LONG);
    Held first = holdFirstCommit(commit);
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    AtomicReference<Thread> callerThread = new AtomicReference<>();
    Future<String> interrupted =
        callers.submit(
            () -> {
              callerThread.set(Thread.currentThread());
              try {
                return commit.submit("interrupted");
              } finally {
                stillInterrupted.set(Thread.currentThread().isInterrupted());
              }
            });
    awaitQueued(commit, 1);

    callerThread.get().interrupt();

    assertThatThrownBy(interrupted::get)
        .hasCauseInstanceOf(GaveUp.class)
        .hasMessageContaining("Interrupted");
    assertThat(stillInterrupted).isTrue();
    assertThat(commit.queued()).isZero();
    first.release().countDown();
    assertThat(first.leader().get()).isEqualTo("FIRST");
    assertThat(work.attempts()).containsExactly(List.of("first"));
  }

  @Test
  void anInterruptedCallerWhoseItemIsBeingCommittedGetsItsAnswerAndKeepsItsInterrupt()
      throws Exception {
    GroupCommit<String, String> commit = groupCommit(64, LONG);
    Held first = holdFirstCommit(commit);
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    List<Future<String>> followers = new ArrayList<>();
    for (String item : List.of("a", "b")) {
      followers.add(
          callers.submit(
              () -> {
                threads.add(Thread.currentThread());
                try {
                  return commit.submit(item);
                } finally {
                  if (Thread.currentThread().isInterrupted()) {
                    stillInterrupted.set(true);
                  }
                }
              }));
      awaitQueued(commit, followers.size());
    }
    CountDownLatch second = work.holdNextCommit();
    first.release().countDown();
    Thread secondLeader = work.awaitCommitting(2);
    Thread waiting = threads.stream().filter(t -> t != secondLeader).findFirst().orElseThrow();

    waiting.interrupt();
    second.countDown();

    assertThat(first.leader().get()).isEqualTo("FIRST");
    assertThat(followers.get(0).get()).isEqualTo("A");
    assertThat(followers.get(1).get()).isEqualTo("B");
    assertThat(stillInterrupted).isTrue();
    assertThat(work.attempts()).containsExactly(List.of("first"), List.of("a", "b"));
  }

  @Test
  void aWrongNumberOfResultsFailsTheBatchWithoutCommittingItAgain() {
    GroupCommit<String, String> commit =
        new GroupCommit<>(64, LONG, items -> List.of(), e -> false, GaveUp::new);

    assertThatThrownBy(() -> commit.submit("a"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("0 results for 1");
  }

  @Test
  void aLeaderThatBreaksOffStillAnswersEveryCallerOfItsBatch() throws Exception {
    GroupCommit<String, String> commit = groupCommit(64, LONG);
    Held first = holdFirstCommit(commit);
    work.failWithError();
    List<Future<String>> followers = queueBehind(commit, "a", "b");

    first.release().countDown();

    assertThat(first.leader().get()).isEqualTo("FIRST");
    List<Throwable> failures = new ArrayList<>();
    for (Future<String> follower : followers) {
      try {
        follower.get();
      } catch (ExecutionException e) {
        failures.add(e.getCause());
      }
    }
    assertThat(failures).hasSize(2);
    assertThat(failures)
        .anySatisfy(failure -> assertThat(failure).isInstanceOf(AssertionError.class))
        .anySatisfy(
            failure ->
                assertThat(failure)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("broke off"));
  }

  private GroupCommit<String, String> groupCommit(int maxBatch, Duration maxWait) {
    return new GroupCommit<>(
        maxBatch, maxWait, work, DependencyUnavailableException.class::isInstance, GaveUp::new);
  }

  private Future<String> submit(GroupCommit<String, String> commit, String item) {
    return callers.submit(() -> commit.submit(item));
  }

  /** A commit of "first", held until {@code release} is counted down. */
  private record Held(CountDownLatch release, Future<String> leader) {}

  private Held holdFirstCommit(GroupCommit<String, String> commit) throws Exception {
    CountDownLatch release = work.holdNextCommit();
    Future<String> leader = submit(commit, "first");
    work.awaitCommitting(1);
    return new Held(release, leader);
  }

  /** Submits the items one after the other, each queued before the next. */
  private List<Future<String>> queueBehind(GroupCommit<String, String> commit, String... items)
      throws InterruptedException {
    int before = commit.queued();
    List<Future<String>> futures = new ArrayList<>();
    for (String item : items) {
      futures.add(submit(commit, item));
      awaitQueued(commit, before + futures.size());
    }
    return futures;
  }

  private static void awaitQueued(GroupCommit<?, ?> commit, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (commit.queued() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Never " + count + " queued");
      }
      LockSupport.parkNanos(100_000);
    }
  }

  /** What a caller who stopped waiting gets here. */
  static final class GaveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GaveUp(String reason) {
      super(reason);
    }
  }

  /**
   * Batch work that upper-cases each item, records each attempt and each committed batch, and can
   * be held, paused or made to fail.
   */
  private static final class Work implements GroupCommit.BatchWork<String, String> {
    private final List<List<String>> attempts = Collections.synchronizedList(new ArrayList<>());
    private final List<List<String>> committed = Collections.synchronizedList(new ArrayList<>());
    private final LinkedBlockingQueue<Thread> committing = new LinkedBlockingQueue<>();
    private final List<CountDownLatch> holds = Collections.synchronizedList(new ArrayList<>());
    private volatile CountDownLatch nextHold;
    private volatile boolean pause;
    private volatile boolean error;
    private volatile Predicate<List<String>> failing = batch -> false;
    private volatile Supplier<RuntimeException> failure;
    private int seen;

    @Override
    public List<String> commit(List<String> items) {
      // Decided on entry: a test changes the behaviour while an earlier commit is held.
      boolean breaks = error;
      boolean fails = failing.test(items);
      Supplier<RuntimeException> how = failure;
      attempts.add(List.copyOf(items));
      CountDownLatch hold = nextHold;
      nextHold = null;
      committing.add(Thread.currentThread());
      if (hold != null) {
        awaitUninterruptibly(hold);
      }
      if (pause) {
        LockSupport.parkNanos(20_000);
      }
      if (breaks) {
        throw new AssertionError("the leader broke");
      }
      if (fails) {
        throw how.get();
      }
      committed.add(List.copyOf(items));
      return items.stream().map(item -> item.toUpperCase(Locale.ROOT)).toList();
    }

    /** The next commit waits until the returned latch is counted down. */
    CountDownLatch holdNextCommit() {
      CountDownLatch hold = new CountDownLatch(1);
      holds.add(hold);
      nextHold = hold;
      return hold;
    }

    /**
     * Waits until the {@code n}th commit has started.
     *
     * @return the thread running it
     */
    Thread awaitCommitting(int n) throws InterruptedException, TimeoutException {
      Thread thread = null;
      while (seen < n) {
        thread = committing.poll(10, TimeUnit.SECONDS);
        if (thread == null) {
          throw new TimeoutException("No commit number " + (seen + 1));
        }
        seen++;
      }
      return thread;
    }

    void pauseEachCommit() {
      pause = true;
    }

    void failWhen(Predicate<List<String>> when, Supplier<RuntimeException> what) {
      failure = what;
      failing = when;
    }

    void failWithError() {
      error = true;
    }

    void releaseAll() {
      synchronized (holds) {
        holds.forEach(CountDownLatch::countDown);
      }
    }

    List<List<String>> attempts() {
      synchronized (attempts) {
        return List.copyOf(attempts);
      }
    }

    List<List<String>> batches() {
      synchronized (committed) {
        return List.copyOf(committed);
      }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
      boolean interrupted = false;
      while (true) {
        try {
          latch.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
