package app.huberman.application.job.port.out;

import app.huberman.domain.job.JobType;
import java.util.UUID;

/**
 * A job whose worker went silent past the visibility timeout.
 *
 * @param buried whether it had used its last attempt and went to the failed jobs
 */
public record RescuedJob(
    UUID uuid, JobType type, int attempts, String abandonedBy, boolean buried) {}
