package app.huberman.application.job.port.out;

import java.time.Duration;
import java.time.Instant;

/** Records which tick of which scheduled task already ran, shared by every instance. */
public interface SchedulerTickPort {

  /** The database's clock: every instance agrees on it. */
  Instant databaseNow();

  /** Claims the tick for this instance; false if any instance claimed it before. */
  boolean claim(String task, Instant tick, String instanceId);

  /** Forgets ticks older than {@code age}; returns how many. */
  int pruneOlderThan(Duration age);
}
