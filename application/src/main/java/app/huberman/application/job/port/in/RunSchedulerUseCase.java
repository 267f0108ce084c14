package app.huberman.application.job.port.in;

import java.util.List;

/** One scheduler tick: start every scheduled task that is due, once across all instances. */
public interface RunSchedulerUseCase {

  /**
   * @return the names of the tasks this instance started
   */
  List<String> runDueTasks(String instanceId);
}
