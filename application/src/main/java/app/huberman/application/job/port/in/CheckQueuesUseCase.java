package app.huberman.application.job.port.in;

import app.huberman.domain.job.QueueStats;
import java.util.List;

/** The state of every queue, for operators and metrics. */
public interface CheckQueuesUseCase {

  List<QueueStats> queueStats();
}
