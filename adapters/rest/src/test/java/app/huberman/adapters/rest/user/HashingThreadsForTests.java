package app.huberman.adapters.rest.user;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@link PasswordHashingThreads} for the resource tests: a thread of its own for each task, named
 * {@link #NAME}, or a line that is always full. Each use case records the thread it ran on.
 */
final class HashingThreadsForTests implements PasswordHashingThreads {

  static final String NAME = "hashing-test";

  private final boolean full;
  private final List<String> ranOn = new CopyOnWriteArrayList<>();

  private HashingThreadsForTests(boolean full) {
    this.full = full;
  }

  static HashingThreadsForTests withRoom() {
    return new HashingThreadsForTests(false);
  }

  static HashingThreadsForTests full() {
    return new HashingThreadsForTests(true);
  }

  @Override
  public void execute(Runnable task) {
    if (full) {
      throw new RejectedExecutionException("full");
    }
    Thread.ofPlatform().name(NAME).daemon().start(task);
  }

  /** Called by a fake use case: the name of the thread it runs on. */
  <T> T recordThread(T result) {
    ranOn.add(Thread.currentThread().getName());
    return result;
  }

  List<String> threadsUseCasesRanOn() {
    return List.copyOf(ranOn);
  }
}
