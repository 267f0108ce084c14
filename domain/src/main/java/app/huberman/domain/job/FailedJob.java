package app.huberman.domain.job;

import java.time.Instant;
import java.util.UUID;

/**
 * A job that gave up, as operators see it. The payload stays in the store and is not shown.
 *
 * @param exception the failure's class, message and trimmed stack
 */
public record FailedJob(
    UUID uuid, QueueName queue, JobType type, int attempts, String exception, Instant failedAt) {}
