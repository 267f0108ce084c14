package app.huberman.adapters.persistence.job;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.persistence.MigratedDatabase;
import app.huberman.application.job.ScheduledTask;
import app.huberman.application.job.service.RunSchedulerService;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.job.Schedule;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The scheduler on the real PostgreSQL, with two instances ticking at the same moments. */
class SchedulerIT {

  @RegisterExtension static final MigratedDatabase DB = new MigratedDatabase("scheduler");

  private static final JobType REPORT = JobType.of("test.report");

  @BeforeEach
  void forgetEverything() {
    DB.database().execute("TRUNCATE jobs, scheduler_ticks");
  }

  private static RunSchedulerService instance(Schedule schedule) {
    return new RunSchedulerService(
        new JdbcSchedulerTicks(DB.transactions().dataSource()),
        new JdbcJobQueue(DB.transactions().dataSource()),
        DB.transactions(),
        List.of(new ScheduledTask("report", schedule, REPORT, JobPayload.empty())));
  }

  private static long count(String sql) {
    try (Connection connection = DB.database().dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void eachTickRunsOnceAcrossTwoInstancesTickingTogether() throws Exception {
    RunSchedulerService a = instance(Schedule.every(Duration.ofMinutes(1)));
    RunSchedulerService b = instance(Schedule.every(Duration.ofMinutes(1)));
    CyclicBarrier together = new CyclicBarrier(2);
    List<String> started = Collections.synchronizedList(new ArrayList<>());
    List<Thread> instances = new ArrayList<>();
    for (var entry : List.of(List.of("instance-a", a), List.of("instance-b", b))) {
      String id = (String) entry.get(0);
      RunSchedulerService scheduler = (RunSchedulerService) entry.get(1);
      instances.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int tick = 0; tick < 5; tick++) {
                      try {
                        together.await();
                      } catch (Exception e) {
                        throw new IllegalStateException(e);
                      }
                      started.addAll(scheduler.runDueTasks(id));
                    }
                  }));
    }
    for (Thread instance : instances) {
      instance.join();
    }

    long ticks = count("SELECT count(*) FROM scheduler_ticks");
    assertThat(ticks).as("one or two minutes may have begun during the test").isBetween(1L, 2L);
    assertThat(started).hasSize((int) ticks);
    assertThat(count("SELECT count(*) FROM jobs WHERE type = 'test.report'")).isEqualTo(1);
  }

  @Test
  void anInstanceThatWasDownRunsOnlyTheLatestMissedTickNotEveryOne() {
    DB.database()
        .execute(
            "INSERT INTO scheduler_ticks (task, tick, claimed_by)"
                + " VALUES ('report', date_trunc('hour', now()) - interval '10 hours', 'long-gone')");

    List<String> started = instance(Schedule.hourlyAt(0)).runDueTasks("instance-a");
    List<String> again = instance(Schedule.hourlyAt(0)).runDueTasks("instance-a");

    assertThat(started).containsExactly("report");
    assertThat(again).isEmpty();
    assertThat(count("SELECT count(*) FROM jobs")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM scheduler_ticks")).isEqualTo(2);
  }

  @Test
  void readsTimeFromTheDatabaseClock() {
    var now =
        DB.transactions()
            .readOnly(new JdbcSchedulerTicks(DB.transactions().dataSource())::databaseNow);

    assertThat(now)
        .isCloseTo(
            java.time.Instant.now(), org.assertj.core.api.Assertions.within(5, ChronoUnit.SECONDS));
  }
}
