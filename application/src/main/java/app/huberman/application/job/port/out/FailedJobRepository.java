package app.huberman.application.job.port.out;

import app.huberman.domain.job.FailedJob;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The jobs that gave up, kept for operators to retry or forget. */
public interface FailedJobRepository {

  /** The most recent first. */
  List<FailedJob> list(int limit);

  /** Puts the job back in its queue with fresh attempts; false if there is no such failed job. */
  boolean requeue(UUID uuid);

  /** Puts every failed job back; returns how many. */
  int requeueAll();

  /** Deletes the failed job; false if there is none. */
  boolean forget(UUID uuid);

  /** Deletes failed jobs older than {@code age} by the database clock; returns how many. */
  int pruneOlderThan(Duration age);
}
