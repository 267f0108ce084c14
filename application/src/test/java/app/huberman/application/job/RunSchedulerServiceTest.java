package app.huberman.application.job;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.job.port.out.SchedulerTickPort;
import app.huberman.application.job.service.RunSchedulerService;
import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.job.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunSchedulerServiceTest {

  private static final JobType REPORT = JobType.of("reports.daily");

  /** Ticks and clock of a fake database, shared by the instances of a test. */
  private static final class FakeTicks implements SchedulerTickPort {
    Instant now = Instant.parse("2026-11-26T10:15:30Z");
    final Set<String> claimed = new HashSet<>();

    @Override
    public Instant databaseNow() {
      return now;
    }

    @Override
    public boolean claim(String task, Instant tick, String instanceId) {
      return claimed.add(task + "@" + tick);
    }

    @Override
    public int pruneOlderThan(Duration age) {
      return 0;
    }
  }

  private final FakeTicks ticks = new FakeTicks();
  private final List<JobOptions> enqueued = new ArrayList<>();
  private final JobQueuePort queue =
      batch ->
          batch.stream()
              .map(
                  job -> {
                    enqueued.add(job.options());
                    return Optional.of(UUID.randomUUID());
                  })
              .toList();

  private RunSchedulerService instance(Schedule schedule) {
    return new RunSchedulerService(
        ticks,
        queue,
        new DirectUnitOfWork(),
        List.of(new ScheduledTask("report", schedule, REPORT, JobPayload.empty())));
  }

  @Test
  void startsADueTaskOnceWhicheverInstanceTicksFirst() {
    RunSchedulerService a = instance(Schedule.hourlyAt(0));
    RunSchedulerService b = instance(Schedule.hourlyAt(0));

    assertThat(a.runDueTasks("a")).containsExactly("report");
    assertThat(b.runDueTasks("b")).isEmpty();
    assertThat(a.runDueTasks("a")).isEmpty();

    assertThat(ticks.claimed).containsExactly("report@2026-11-26T10:00:00Z");
    assertThat(enqueued)
        .singleElement()
        .satisfies(options -> assertThat(options.uniqueKey()).contains("schedule:report"));
  }

  @Test
  void startsAgainAtTheNextTickOnlyAndNeverReplaysMissedTicks() {
    RunSchedulerService scheduler = instance(Schedule.every(Duration.ofMinutes(5)));
    scheduler.runDueTasks("a");

    ticks.now = ticks.now.plus(Duration.ofHours(3)); // down for three hours: 36 ticks missed

    assertThat(scheduler.runDueTasks("a")).containsExactly("report");
    assertThat(scheduler.runDueTasks("a")).isEmpty();
    assertThat(ticks.claimed)
        .containsExactlyInAnyOrder("report@2026-11-26T10:15:00Z", "report@2026-11-26T13:15:00Z");
  }
}
