package app.huberman.application.job.port.out;

import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.job.QueueName;
import java.time.Duration;
import java.util.UUID;

/**
 * A job reserved by one worker. {@code attempts} counts this attempt; together with {@code
 * reservedBy} it fences the reservation: a worker that lost it (because it was too slow and the job
 * was rescued) can no longer complete, retry or fail it.
 *
 * @param waited how long the job waited between becoming available and this claim
 * @param runTimeLimit how long this attempt may run
 */
public record ClaimedJob(
    long id,
    UUID uuid,
    QueueName queue,
    JobType type,
    JobPayload payload,
    int attempts,
    int maxAttempts,
    String reservedBy,
    Duration waited,
    Duration runTimeLimit) {}
