package app.huberman.application.job;

import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import java.util.function.Consumer;

/** A handler for tests: its type, how its jobs complete, and what it does with a payload. */
public record TestJobHandler(JobType type, Completion completion, Consumer<JobPayload> work)
    implements JobHandler {

  @Override
  public void handle(JobPayload payload) {
    work.accept(payload);
  }
}
