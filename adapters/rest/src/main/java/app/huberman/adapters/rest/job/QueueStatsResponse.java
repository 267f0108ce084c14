package app.huberman.adapters.rest.job;

import app.huberman.domain.job.QueueStats;

/** One queue's counts. */
public record QueueStatsResponse(
    String queue,
    long pending,
    long delayed,
    long reserved,
    double oldestPendingAgeSeconds,
    long failed) {

  static QueueStatsResponse from(QueueStats stats) {
    return new QueueStatsResponse(
        stats.queue().value(),
        stats.pending(),
        stats.delayed(),
        stats.reserved(),
        stats.oldestPendingAge().toMillis() / 1000.0,
        stats.failed());
  }
}
