package app.huberman.domain.job;

import java.time.Duration;

/**
 * The state of one queue.
 *
 * @param pending jobs that may run now
 * @param delayed jobs waiting for their time (a delay or a retry backoff)
 * @param reserved jobs a worker holds
 * @param oldestPendingAge how long the oldest runnable job has waited; zero when none
 * @param failed failed jobs of this queue
 */
public record QueueStats(
    QueueName queue,
    long pending,
    long delayed,
    long reserved,
    Duration oldestPendingAge,
    long failed) {}
