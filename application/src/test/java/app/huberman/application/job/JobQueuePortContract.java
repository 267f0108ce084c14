package app.huberman.application.job;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.job.port.out.NewJob;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobQueuePort} must answer. The recording fake and the JDBC adapter both extend
 * it; what a queue does with the jobs afterwards is each one's own test. Every call runs inside
 * {@link #transactions()}.
 */
public abstract class JobQueuePortContract {

  private static final JobType WORK = JobType.of("contract.work");

  private JobQueuePort queue;

  /** A queue that holds no job. */
  protected abstract JobQueuePort emptyQueue();

  /** The transaction boundary the queue's calls run in. */
  protected abstract UnitOfWorkPort transactions();

  @BeforeEach
  void startEmpty() {
    queue = emptyQueue();
  }

  @Test
  void givesEveryJobWithoutAKeyANewId() {
    Optional<UUID> first = tx(() -> queue.enqueue(WORK, payload(1), JobOptions.defaults()));
    Optional<UUID> second = tx(() -> queue.enqueue(WORK, payload(1), JobOptions.defaults()));

    assertThat(first).isPresent();
    assertThat(second).isPresent().isNotEqualTo(first);
  }

  @Test
  void doesNotEnqueueAJobWhoseUniqueKeyIsTaken() {
    JobOptions unique = JobOptions.defaults().uniqueBy("contract:once");
    tx(() -> queue.enqueue(WORK, payload(1), unique));

    assertThat(tx(() -> queue.enqueue(WORK, payload(2), unique))).isEmpty();
  }

  @Test
  void answersEveryJobOfABatchInOrder() {
    tx(() -> queue.enqueue(WORK, payload(0), JobOptions.defaults().uniqueBy("contract:taken")));

    List<Optional<UUID>> ids =
        tx(
            () ->
                queue.enqueueAll(
                    List.of(
                        job(1, JobOptions.defaults()),
                        job(2, JobOptions.defaults().uniqueBy("contract:taken")),
                        job(3, JobOptions.defaults().uniqueBy("contract:new")),
                        job(4, JobOptions.defaults().uniqueBy("contract:new")),
                        job(5, JobOptions.defaults()))));

    assertThat(ids).hasSize(5);
    assertThat(ids.get(0)).isPresent();
    assertThat(ids.get(1)).isEmpty();
    assertThat(ids.get(2)).isPresent();
    assertThat(ids.get(3)).as("the second job with a key new in the batch").isEmpty();
    assertThat(ids.get(4)).isPresent();
    assertThat(List.of(ids.get(0), ids.get(2), ids.get(4))).doesNotHaveDuplicates();
  }

  @Test
  void aBatchOfNothingEnqueuesNothing() {
    assertThat(tx(() -> queue.enqueueAll(List.of()))).isEmpty();
  }

  @Test
  void aKeyTakenInABatchIsTakenForLaterJobs() {
    JobOptions unique = JobOptions.defaults().uniqueBy("contract:batched");
    tx(() -> queue.enqueueAll(List.of(job(1, unique), job(2, JobOptions.defaults()))));

    assertThat(tx(() -> queue.enqueue(WORK, payload(3), unique))).isEmpty();
  }

  private static NewJob job(int n, JobOptions options) {
    return new NewJob(WORK, payload(n), options);
  }

  private static JobPayload payload(int n) {
    return JobPayload.of(1, Map.of("n", Integer.toString(n)));
  }

  private <T> T tx(Supplier<T> work) {
    return transactions().atomically(work);
  }
}
