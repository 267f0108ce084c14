package app.huberman.adapters.persistence.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.adapters.persistence.MigratedDatabase;
import app.huberman.application.job.JobQueuePortContract;
import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.job.port.out.NewJob;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.job.QueueName;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** The enqueue side of the job queue on the real PostgreSQL: the contract, rows and wake-ups. */
class JdbcJobQueueIT extends JobQueuePortContract {

  @RegisterExtension static final MigratedDatabase DB = new MigratedDatabase("job_enqueue");

  private static final JobType WORK = JobType.of("test.batch");
  private static final QueueName MAIL = QueueName.of("mail");

  @Override
  protected JobQueuePort emptyQueue() {
    DB.database().execute("TRUNCATE jobs");
    return queue();
  }

  @Override
  protected UnitOfWorkPort transactions() {
    return DB.transactions();
  }

  private static JdbcJobQueue queue() {
    return new JdbcJobQueue(DB.transactions().dataSource());
  }

  @Test
  void storesEveryJobOfABatchWithItsOwnOptionsInOrder() throws SQLException {
    DB.database().execute("TRUNCATE jobs");
    List<NewJob> jobs =
        List.of(
            job(1, JobOptions.defaults().withMaxAttempts(3)),
            job(2, JobOptions.defaults().onQueue(MAIL).uniqueBy("batch:2")),
            job(3, JobOptions.defaults().delayedBy(Duration.ofHours(1))));

    List<Optional<UUID>> ids = DB.transactions().atomically(() -> queue().enqueueAll(jobs));

    assertThat(ids).allSatisfy(id -> assertThat(id).isPresent());
    assertThat(
            DB.database()
                .strings(
                    "SELECT uuid::text || ' ' || queue || ' ' || (payload->'data'->>'n') || ' '"
                        + " || max_attempts || ' ' || coalesce(unique_key, '-') || ' '"
                        + " || (available_at > now() + interval '59 minutes')"
                        + " FROM jobs ORDER BY id"))
        .containsExactly(
            ids.get(0).orElseThrow() + " default 1 3 - false",
            ids.get(1).orElseThrow() + " mail 2 5 batch:2 false",
            ids.get(2).orElseThrow() + " default 3 5 - true");
  }

  @Test
  void wakesEachQueueWithAJobThatMayRunNowOnceWhenTheBatchCommits() throws Exception {
    DB.database().execute("TRUNCATE jobs");
    try (Connection listening = DB.database().dataSource().getConnection()) {
      listen(listening);
      List<NewJob> jobs = new ArrayList<>();
      for (int n = 0; n < 5; n++) {
        jobs.add(job(n, JobOptions.defaults()));
      }
      jobs.add(job(5, JobOptions.defaults().onQueue(MAIL)));
      jobs.add(job(6, JobOptions.defaults().onQueue(MAIL)));
      jobs.add(
          job(
              7,
              JobOptions.defaults()
                  .onQueue(QueueName.of("later"))
                  .delayedBy(Duration.ofMinutes(5))));

      DB.transactions().atomically(() -> queue().enqueueAll(jobs));

      assertThat(notifications(listening)).containsExactlyInAnyOrder("default", "mail");
    }
  }

  @Test
  void aBatchRolledBackStoresNothingAndWakesNoOne() throws Exception {
    DB.database().execute("TRUNCATE jobs");
    try (Connection listening = DB.database().dataSource().getConnection()) {
      listen(listening);

      assertThatThrownBy(
              () ->
                  DB.transactions()
                      .atomically(
                          () -> {
                            queue().enqueueAll(List.of(job(1, JobOptions.defaults())));
                            throw new IllegalStateException("the caller's change failed");
                          }))
          .isInstanceOf(IllegalStateException.class);

      assertThat(notifications(listening)).isEmpty();
      assertThat(DB.database().strings("SELECT uuid::text FROM jobs")).isEmpty();
    }
  }

  @Test
  void aBatchOfOnlyTakenKeysWakesNoOne() throws Exception {
    DB.database().execute("TRUNCATE jobs");
    JobOptions unique = JobOptions.defaults().uniqueBy("batch:taken");
    DB.transactions().atomically(() -> queue().enqueueAll(List.of(job(1, unique))));
    try (Connection listening = DB.database().dataSource().getConnection()) {
      listen(listening);

      List<Optional<UUID>> ids =
          DB.transactions().atomically(() -> queue().enqueueAll(List.of(job(2, unique))));

      assertThat(ids).containsExactly(Optional.empty());
      assertThat(notifications(listening)).isEmpty();
    }
  }

  private static NewJob job(int n, JobOptions options) {
    return new NewJob(WORK, JobPayload.of(1, Map.of("n", Integer.toString(n))), options);
  }

  private static void listen(Connection connection) throws SQLException {
    try (Statement listen = connection.createStatement()) {
      listen.execute("LISTEN " + JdbcJobQueue.CHANNEL);
    }
  }

  /** The payloads of what arrived within half a second. */
  private static List<String> notifications(Connection listening) throws SQLException {
    List<String> payloads = new ArrayList<>();
    PGNotification[] arrived = listening.unwrap(PGConnection.class).getNotifications(500);
    while (arrived != null && arrived.length > 0) {
      for (PGNotification notification : arrived) {
        payloads.add(notification.getParameter());
      }
      arrived = listening.unwrap(PGConnection.class).getNotifications(200);
    }
    return payloads;
  }
}
