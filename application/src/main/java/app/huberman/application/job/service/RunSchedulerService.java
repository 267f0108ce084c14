package app.huberman.application.job.service;

import app.huberman.application.job.ScheduledTask;
import app.huberman.application.job.port.in.RunSchedulerUseCase;
import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.job.port.out.SchedulerTickPort;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.domain.job.JobOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Starts each scheduled task once per tick across all instances: claiming the tick and enqueueing
 * the task's job commit together, and a tick can be claimed once. Only the latest due tick is
 * considered, so an instance that was down does not replay the ticks it missed.
 */
public final class RunSchedulerService implements RunSchedulerUseCase {

  private final SchedulerTickPort ticks;
  private final JobQueuePort queue;
  private final UnitOfWorkPort unitOfWork;
  private final List<ScheduledTask> tasks;

  public RunSchedulerService(
      SchedulerTickPort ticks,
      JobQueuePort queue,
      UnitOfWorkPort unitOfWork,
      List<ScheduledTask> tasks) {
    this.ticks = Objects.requireNonNull(ticks, "ticks");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.tasks = List.copyOf(tasks);
  }

  @Override
  public List<String> runDueTasks(String instanceId) {
    Instant now = unitOfWork.readOnly(ticks::databaseNow);
    List<String> started = new ArrayList<>();
    for (ScheduledTask task : tasks) {
      Instant due = task.schedule().latestAtOrBefore(now);
      boolean claimed =
          unitOfWork.atomically(
              () -> {
                if (!ticks.claim(task.name(), due, instanceId)) {
                  return false;
                }
                queue.enqueue(
                    task.jobType(),
                    task.payload(),
                    JobOptions.defaults().uniqueBy("schedule:" + task.name()));
                return true;
              });
      if (claimed) {
        started.add(task.name());
      }
    }
    return started;
  }
}
