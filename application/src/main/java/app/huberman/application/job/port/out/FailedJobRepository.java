package app.huberman.application.job.port.out;

import app.huberman.domain.job.FailedJob;
import app.huberman.domain.job.JobType;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The jobs that gave up, kept for operators to retry or forget. */
public interface FailedJobRepository {

  /** The most recent first. */
  List<FailedJob> list(int limit);

  /** Puts the job back in its queue with fresh attempts; false if there is no such failed job. */
  boolean requeue(UUID uuid);

  /** Puts every failed job back; returns how many. */
  int requeueAll();

  /**
   * Puts back, as {@link #requeue} does, the failed jobs that hold one of these unique keys; of
   * several with one key, one is queued and the others are removed. A key already held by a queued
   * or running job only removes its failed jobs. Returns how many failed jobs it took.
   */
  int requeueByUniqueKey(Collection<String> uniqueKeys);

  /** Deletes the failed job; false if there is none. */
  boolean forget(UUID uuid);

  /**
   * Deletes failed jobs older than {@code age} by the database clock, except those of the {@code
   * kept} types; returns how many.
   */
  int pruneOlderThan(Duration age, Set<JobType> kept);
}
