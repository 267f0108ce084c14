package app.huberman.bootstrap.launcher;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which threads of this JVM wait on what, in a few lines: what an operator needs from a thread dump
 * to see why a start or a stop hangs. Idle threads (parked in a pool's queue with nobody holding
 * what they wait for) are left out; the main thread, blocked threads, threads waiting on a lock
 * that another thread holds, deadlocked threads, and during a stop the shutdown hooks still running
 * are kept.
 */
record ThreadDumpSummary(int threads, List<String> deadlocked, List<String> stuck) {

  static final int MAX_LISTED = 40;
  private static final Set<String> JDK_PACKAGES = Set.of("java.", "javax.", "jdk.", "sun.");
  private static final Set<String> IDLE_FRAMES =
      Set.of(
          "java.util.concurrent.ThreadPoolExecutor.getTask",
          "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take",
          "java.util.concurrent.ForkJoinPool.awaitWork",
          "java.util.concurrent.ForkJoinPool.runWorker",
          "java.util.concurrent.LinkedBlockingQueue.take",
          "java.util.concurrent.LinkedTransferQueue.take",
          "java.util.concurrent.SynchronousQueue.take",
          "java.util.concurrent.SynchronousQueue.poll",
          "sun.nio.ch.EPoll.wait",
          "sun.nio.ch.Net.accept",
          "java.lang.ref.Reference.waitForReferencePendingList",
          "java.lang.ref.ReferenceQueue.remove",
          "java.util.TimerThread.mainLoop");

  static ThreadDumpSummary ofThisJvm() {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    ThreadInfo[] infos = bean.dumpAllThreads(true, true);
    long[] deadlockedIds = bean.findDeadlockedThreads();
    Set<Long> deadlocked =
        deadlockedIds == null
            ? Set.of()
            : Arrays.stream(deadlockedIds).boxed().collect(Collectors.toSet());
    List<String> deadlockedNames = new ArrayList<>();
    List<String> stuck = new ArrayList<>();
    for (ThreadInfo info : infos) {
      if (info == null) {
        continue;
      }
      boolean isDeadlocked = deadlocked.contains(info.getThreadId());
      if (isDeadlocked) {
        deadlockedNames.add(info.getThreadName());
      }
      boolean listed = isDeadlocked || worthListing(info);
      if (listed && stuck.size() < MAX_LISTED) {
        stuck.add(describe(info));
      }
    }
    return new ThreadDumpSummary(infos.length, deadlockedNames, stuck);
  }

  private static boolean worthListing(ThreadInfo info) {
    return switch (info.getThreadState()) {
      case BLOCKED -> true;
      case WAITING, TIMED_WAITING -> "main".equals(info.getThreadName()) || !isIdle(info);
      default -> "main".equals(info.getThreadName());
    };
  }

  /** Waiting for work in a pool, for I/O events or for the garbage collector: nothing is stuck. */
  private static boolean isIdle(ThreadInfo info) {
    return Arrays.stream(info.getStackTrace())
        .map(frame -> frame.getClassName() + "." + frame.getMethodName())
        .anyMatch(IDLE_FRAMES::contains);
  }

  /** {@code main WAITING on java.util.concurrent.CountDownLatch$Sync@1b2c at a.B.c(B.java:12)}. */
  static String describe(ThreadInfo info) {
    StringBuilder line =
        new StringBuilder(info.getThreadName()).append(' ').append(info.getThreadState());
    LockInfo lock = info.getLockInfo();
    if (lock != null) {
      line.append(" on ").append(lock);
    }
    if (info.getLockOwnerName() != null) {
      line.append(" held by ").append(info.getLockOwnerName());
    }
    StackTraceElement[] stack = info.getStackTrace();
    if (stack.length > 0) {
      line.append(" at ").append(stack[0]);
      if (isJdk(stack[0])) {
        Arrays.stream(stack)
            .filter(frame -> !isJdk(frame))
            .findFirst()
            .ifPresent(frame -> line.append(" from ").append(frame));
      }
    }
    return line.toString();
  }

  private static boolean isJdk(StackTraceElement frame) {
    return JDK_PACKAGES.stream().anyMatch(frame.getClassName()::startsWith);
  }

  /** One line per thread listed, for a log field. */
  String stuckThreads() {
    return String.join("\n", stuck);
  }
}
