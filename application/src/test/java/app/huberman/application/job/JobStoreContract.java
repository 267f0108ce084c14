package app.huberman.application.job;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.job.port.out.ClaimedJob;
import app.huberman.application.job.port.out.JobStorePort;
import app.huberman.application.job.port.out.NextJobs;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.domain.job.JobType;
import app.huberman.domain.job.QueueName;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobStorePort} must do for the workers: claims, a worker's turn, and the fenced
 * changes to a reserved job. The in-memory store and the JDBC adapter both extend it. A worker's
 * turn ({@link JobStorePort#nextJobs}) runs outside any unit of work, as workers call it; every
 * other call runs inside {@link #transactions()}.
 */
public abstract class JobStoreContract {

  /** The type of the jobs {@link #enqueue} adds. */
  protected static final JobType WORK = JobType.of("contract.work");

  private static final Set<QueueName> DEFAULT = Set.of(QueueName.DEFAULT);

  private JobStorePort store;

  /** A store that holds no job. */
  protected abstract JobStorePort emptyStore();

  /**
   * Adds a job of {@link #WORK} to the default queue, available now, with the payload {@code {"n":
   * n}} and more than one attempt; each one added after the one before.
   */
  protected abstract void enqueue(String n);

  /** The unit of work the fenced changes run in. */
  protected abstract UnitOfWorkPort transactions();

  @BeforeEach
  void startEmpty() {
    store = emptyStore();
  }

  @Test
  void claimsTheOldestAvailableJobsUpToTheLimitForTheWorkerAndCountsTheAttempt() {
    enqueue("1");
    enqueue("2");
    enqueue("3");

    List<ClaimedJob> claimed = store.nextJobs(List.of(), DEFAULT, 2, "w1").claimed();

    assertThat(claimed).extracting(job -> job.payload().require("n")).containsExactly("1", "2");
    assertThat(claimed)
        .allSatisfy(
            job -> {
              assertThat(job.reservedBy()).isEqualTo("w1");
              assertThat(job.attempts()).isEqualTo(1);
              assertThat(job.type()).isEqualTo(WORK);
              assertThat(job.queue()).isEqualTo(QueueName.DEFAULT);
            });
  }

  @Test
  void aReservedJobIsNotClaimedByAnotherWorker() {
    enqueue("1");
    store.claim(DEFAULT, 5, "w1");

    assertThat(store.claim(DEFAULT, 5, "w2")).isEmpty();
  }

  @Test
  void aTurnCompletesTheFinishedJobsAndHandsOverTheNext() {
    enqueue("1");
    enqueue("2");
    enqueue("3");
    List<ClaimedJob> finished = store.claim(DEFAULT, 1, "w1");

    NextJobs next = store.nextJobs(finished, DEFAULT, 5, "w1");

    assertThat(next.lost()).isEmpty();
    assertThat(next.claimed())
        .extracting(job -> job.payload().require("n"))
        .containsExactly("2", "3");
    assertThat(tx(() -> store.complete(finished.getFirst()))).as("completed already").isFalse();
  }

  @Test
  void aFinishedJobWhoseReservationWentToAnotherWorkerIsLostAndLeftToIt() {
    enqueue("1");
    ClaimedJob mine = store.claim(DEFAULT, 1, "w1").getFirst();
    tx(() -> store.release(mine));
    ClaimedJob theirs = store.claim(DEFAULT, 1, "w2").getFirst();

    NextJobs next = store.nextJobs(List.of(mine), DEFAULT, 5, "w1");

    assertThat(next.lost()).containsExactly(mine);
    assertThat(next.claimed()).isEmpty();
    assertThat(tx(() -> store.complete(theirs))).isTrue();
  }

  @Test
  void completingAloneClaimsNothing() {
    enqueue("1");
    enqueue("2");
    List<ClaimedJob> finished = store.claim(DEFAULT, 1, "w1");

    assertThat(store.completeAll(finished)).isEmpty();

    assertThat(store.claim(DEFAULT, 5, "w2"))
        .extracting(job -> job.payload().require("n"))
        .containsExactly("2");
  }

  @Test
  void aJobIsCompletedOnceAndOnlyByItsHolder() {
    enqueue("1");
    ClaimedJob job = store.claim(DEFAULT, 1, "w1").getFirst();

    assertThat(tx(() -> store.complete(job))).isTrue();
    assertThat(tx(() -> store.complete(job))).isFalse();
  }

  @Test
  void aJobRetriedLaterIsNotAvailableNowAndNoLongerHeld() {
    enqueue("1");
    ClaimedJob job = store.claim(DEFAULT, 1, "w1").getFirst();

    assertThat(tx(() -> store.retryLater(job, Duration.ofHours(1)))).isTrue();

    assertThat(store.claim(DEFAULT, 5, "w2")).isEmpty();
    assertThat(tx(() -> store.retryLater(job, Duration.ofHours(1)))).isFalse();
  }

  @Test
  void aBuriedJobLeavesTheQueue() {
    enqueue("1");
    ClaimedJob job = store.claim(DEFAULT, 1, "w1").getFirst();

    assertThat(tx(() -> store.bury(job, "it broke"))).isTrue();

    assertThat(store.claim(DEFAULT, 5, "w2")).isEmpty();
    assertThat(tx(() -> store.bury(job, "it broke"))).isFalse();
  }

  @Test
  void aReleasedJobIsClaimedAgainWithoutItsAttemptCounted() {
    enqueue("1");
    ClaimedJob job = store.claim(DEFAULT, 1, "w1").getFirst();

    assertThat(tx(() -> store.release(job))).isTrue();

    assertThat(store.claim(DEFAULT, 1, "w2"))
        .singleElement()
        .satisfies(
            again -> {
              assertThat(again.id()).isEqualTo(job.id());
              assertThat(again.attempts()).isEqualTo(1);
              assertThat(again.reservedBy()).isEqualTo("w2");
            });
  }

  private <T> T tx(Supplier<T> work) {
    return transactions().atomically(work);
  }
}
