package app.huberman.bootstrap.wiring;

import app.huberman.adapters.persistence.job.PostgresJobSignal;
import app.huberman.adapters.persistence.migration.PostgresServer;
import app.huberman.application.job.JobHandler;
import app.huberman.application.job.JobHandlers;
import app.huberman.application.job.ScheduledTask;
import app.huberman.application.job.port.in.CheckQueuesUseCase;
import app.huberman.application.job.port.in.ManageFailedJobsUseCase;
import app.huberman.application.job.port.in.RunJobsUseCase;
import app.huberman.application.job.port.in.RunSchedulerUseCase;
import app.huberman.application.job.port.out.FailedJobRepository;
import app.huberman.application.job.port.out.JobEventsPort;
import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.job.port.out.JobStorePort;
import app.huberman.application.job.port.out.QueueStatsPort;
import app.huberman.application.job.port.out.SchedulerTickPort;
import app.huberman.application.job.service.CheckQueuesService;
import app.huberman.application.job.service.JobSchedule;
import app.huberman.application.job.service.ManageFailedJobsService;
import app.huberman.application.job.service.PruneFailedJobsHandler;
import app.huberman.application.job.service.RunJobsService;
import app.huberman.application.job.service.RunSchedulerService;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.service.ProcessWebhookEventHandler;
import app.huberman.application.subscription.service.SubscriptionSchedule;
import app.huberman.application.user.service.UserSchedule;
import app.huberman.domain.job.JobType;
import app.huberman.domain.job.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/** The job queue's use cases, handlers and scheduled tasks. */
@ApplicationScoped
public class JobWiring {

  /** The tasks every instance schedules, from each context's schedule; a tick runs once. */
  static List<ScheduledTask> scheduledTasks() {
    return Stream.of(
            JobSchedule.scheduledTasks(),
            UserSchedule.scheduledTasks(),
            SubscriptionSchedule.scheduledTasks())
        .flatMap(List::stream)
        .toList();
  }

  /**
   * The types whose failed jobs no prune deletes, whatever their age: a failed webhook processing
   * job is the record of a webhook not applied yet, which the reconciler puts back in the queue.
   */
  public static Set<JobType> failedJobsKept() {
    return Set.of(ProcessWebhookEventHandler.TYPE);
  }

  @Produces
  @Singleton
  public JobHandler pruneFailedJobs(FailedJobRepository failedJobs, SchedulerTickPort ticks) {
    return new PruneFailedJobsHandler(failedJobs, ticks, failedJobsKept());
  }

  @Produces
  @ApplicationScoped
  public RunJobsUseCase runJobs(
      JobStorePort store,
      Instance<JobHandler> handlers,
      JobEventsPort events,
      UnitOfWorkPort unitOfWork) {
    // Workers share the service: each draws its jitter from its own thread's generator.
    RandomGenerator random = () -> ThreadLocalRandom.current().nextLong();
    return new RunJobsService(
        store,
        new JobHandlers(handlers.stream().toList()),
        events,
        unitOfWork,
        RetryPolicy.DEFAULT,
        random,
        System::nanoTime);
  }

  @Produces
  @ApplicationScoped
  public ManageFailedJobsUseCase manageFailedJobs(
      FailedJobRepository failedJobs, UnitOfWorkPort unitOfWork) {
    return new ManageFailedJobsService(failedJobs, unitOfWork, failedJobsKept());
  }

  @Produces
  @ApplicationScoped
  public CheckQueuesUseCase checkQueues(QueueStatsPort stats, UnitOfWorkPort unitOfWork) {
    return new CheckQueuesService(stats, unitOfWork);
  }

  @Produces
  @ApplicationScoped
  public RunSchedulerUseCase runScheduler(
      SchedulerTickPort ticks, JobQueuePort queue, UnitOfWorkPort unitOfWork) {
    return new RunSchedulerService(ticks, queue, unitOfWork, scheduledTasks());
  }

  /** Used by the one listener thread of {@code QueueWorkers}. */
  @Produces
  @Singleton
  public PostgresJobSignal jobSignal(PostgresServer server) {
    return new PostgresJobSignal(server);
  }

  public void closeJobSignal(@Disposes PostgresJobSignal signal) {
    signal.close();
  }
}
