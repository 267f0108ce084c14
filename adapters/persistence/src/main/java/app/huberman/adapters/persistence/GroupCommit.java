package app.huberman.adapters.persistence;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Commits the items of concurrent callers together: each caller submits its item and blocks until
 * the transaction that holds it has committed (or failed), so an answer still means "stored".
 *
 * <p>There is no timer and no thread of its own. A caller that finds no commit running becomes the
 * leader: it takes everything queued (up to {@code maxBatch} items), commits it through the batch
 * work, answers every caller of the batch, and steps down. Items that arrive meanwhile queue up and
 * go together in the next batch, led by one of their callers. Under low load a batch is one item
 * committed at once; under load, batches grow by themselves.
 *
 * <p>When the batch fails, a failure {@code failsEveryItem} recognises (the database cannot be
 * reached) is every caller's answer. Any other failure may be one item's fault, so each item is
 * then committed on its own, and only the bad one fails.
 *
 * <p>A caller waits at most {@code maxWait}. One whose item no leader has taken by then, or who is
 * interrupted before that, withdraws it: it is never committed, and the caller gets {@code
 * gaveUp}'s exception. One whose item is being committed waits on (its interrupt status is kept);
 * past the wait it too gets {@code gaveUp}'s exception, and the item may still commit, which a
 * caller that retries must tolerate (a store that ignores a repeated key does). Every caller gets
 * exactly one answer. The leader waits on nothing but its own batch work.
 *
 * @param <I> what a caller submits
 * @param <R> what it gets back
 */
public final class GroupCommit<I, R> {

  /** Commits the items in one transaction. */
  @FunctionalInterface
  public interface BatchWork<I, R> {
    /**
     * @return one result per item, in the items' order
     */
    List<R> commit(List<I> items);
  }

  private final int maxBatch;
  private final long maxWaitNanos;
  private final BatchWork<I, R> work;
  private final Predicate<RuntimeException> failsEveryItem;
  private final Function<String, RuntimeException> gaveUp;

  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Pending<I, R>> queued = new ArrayDeque<>();
  private boolean leading;

  /**
   * @param gaveUp the failure of a caller who stopped waiting, given the reason
   */
  public GroupCommit(
      int maxBatch,
      Duration maxWait,
      BatchWork<I, R> work,
      Predicate<RuntimeException> failsEveryItem,
      Function<String, RuntimeException> gaveUp) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("A batch holds at least one item: " + maxBatch);
    }
    if (maxWait.isNegative() || maxWait.isZero()) {
      throw new IllegalArgumentException("The wait must be positive: " + maxWait);
    }
    this.maxBatch = maxBatch;
    this.maxWaitNanos = maxWait.toNanos();
    this.work = Objects.requireNonNull(work, "work");
    this.failsEveryItem = Objects.requireNonNull(failsEveryItem, "failsEveryItem");
    this.gaveUp = Objects.requireNonNull(gaveUp, "gaveUp");
  }

  /**
   * Commits the item with whatever else is submitted meanwhile.
   *
   * @return the batch work's result for this item, once it has committed
   * @throws RuntimeException the batch's failure or this item's own, or {@code gaveUp}'s
   */
  public R submit(I item) {
    Pending<I, R> mine = new Pending<>(Objects.requireNonNull(item, "item"), lock.newCondition());
    long deadline = System.nanoTime() + maxWaitNanos;
    boolean interrupted = false;
    lock.lock();
    try {
      queued.addLast(mine);
      while (!mine.answered) {
        if (!leading) {
          lead();
          continue;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw giveUp(mine, "No commit took the item within " + Duration.ofNanos(maxWaitNanos));
        }
        try {
          mine.turn.awaitNanos(left);
        } catch (InterruptedException e) {
          interrupted = true;
          if (!mine.taken) {
            throw giveUp(mine, "Interrupted while waiting for a commit");
          }
        }
      }
      return mine.answer();
    } finally {
      lock.unlock();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** How many items wait for a leader now (for tests and diagnostics). */
  public int queued() {
    lock.lock();
    try {
      return queued.size();
    } finally {
      lock.unlock();
    }
  }

  private RuntimeException giveUp(Pending<I, R> mine, String reason) {
    if (!mine.taken) {
      queued.remove(mine);
      wakeTheNextLeader();
    }
    return gaveUp.apply(reason);
  }

  /**
   * Wakes the caller whose item is first in the queue, if no one leads: it leads the next batch.
   * The others sleep on until their own item is answered.
   */
  private void wakeTheNextLeader() {
    if (!leading && !queued.isEmpty()) {
      queued.peekFirst().turn.signal();
    }
  }

  /** Called and returning with the lock held; commits without it. */
  private void lead() {
    leading = true;
    List<Pending<I, R>> batch = new ArrayList<>(Math.min(maxBatch, queued.size()));
    while (batch.size() < maxBatch && !queued.isEmpty()) {
      Pending<I, R> next = queued.pollFirst();
      next.taken = true;
      batch.add(next);
    }
    List<I> items = batch.stream().map(pending -> pending.item).toList();
    List<Outcome<R>> outcomes = null;
    lock.unlock();
    try {
      outcomes = commit(items);
    } finally {
      lock.lock();
      leading = false;
      try {
        for (int i = 0; i < batch.size(); i++) {
          batch
              .get(i)
              .answer(
                  outcomes == null
                      ? Outcome.failed(new IllegalStateException("The batch's commit broke off"))
                      : outcomes.get(i));
        }
      } finally {
        batch.forEach(pending -> pending.turn.signal());
        wakeTheNextLeader();
      }
    }
  }

  private List<Outcome<R>> commit(List<I> items) {
    List<R> results;
    try {
      results = work.commit(items);
    } catch (RuntimeException e) {
      if (items.size() == 1 || failsEveryItem.test(e)) {
        return items.stream().<Outcome<R>>map(item -> Outcome.failed(e)).toList();
      }
      return items.stream().map(this::commitAlone).toList();
    }
    return outcomes(items, results);
  }

  private Outcome<R> commitAlone(I item) {
    try {
      return outcomes(List.of(item), work.commit(List.of(item))).getFirst();
    } catch (RuntimeException e) {
      return Outcome.failed(e);
    }
  }

  /** Checked after the commit: a wrong count is a bug, answered as a failure, never retried. */
  private static <I, R> List<Outcome<R>> outcomes(List<I> items, List<R> results) {
    if (results.size() != items.size()) {
      IllegalStateException wrong =
          new IllegalStateException(
              "The batch work answered " + results.size() + " results for " + items.size());
      return items.stream().<Outcome<R>>map(item -> Outcome.failed(wrong)).toList();
    }
    return results.stream().map(Outcome::of).toList();
  }

  private record Outcome<R>(R result, RuntimeException failure) {
    static <R> Outcome<R> of(R result) {
      return new Outcome<>(result, null);
    }

    static <R> Outcome<R> failed(RuntimeException failure) {
      return new Outcome<>(null, failure);
    }
  }

  /**
   * One caller's item, and the condition its caller sleeps on; the other fields are guarded by the
   * lock.
   */
  private static final class Pending<I, R> {
    private final I item;
    private final Condition turn;
    private boolean taken;
    private boolean answered;
    private Outcome<R> outcome;

    Pending(I item, Condition turn) {
      this.item = item;
      this.turn = turn;
    }

    void answer(Outcome<R> outcome) {
      if (answered) {
        throw new IllegalStateException("An item is answered once");
      }
      this.outcome = outcome;
      this.answered = true;
    }

    R answer() {
      if (outcome.failure() != null) {
        throw outcome.failure();
      }
      return outcome.result();
    }
  }
}
