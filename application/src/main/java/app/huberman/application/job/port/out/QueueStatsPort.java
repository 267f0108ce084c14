package app.huberman.application.job.port.out;

import app.huberman.domain.job.QueueStats;
import java.util.List;

/** Counts of the queue, by the database clock. */
public interface QueueStatsPort {

  /** One entry per queue that has jobs or failed jobs. */
  List<QueueStats> statsByQueue();
}
