package app.huberman.bench;

import java.time.Duration;
import java.util.Optional;

/** What one contender measured in one round. */
record Figures(
    Contender contender,
    int jobs,
    Duration enqueue,
    Duration process,
    Optional<Latencies> idleStart) {

  double enqueuePerSecond() {
    return perSecond(enqueue);
  }

  double processedPerSecond() {
    return perSecond(process);
  }

  private double perSecond(Duration took) {
    return jobs / (took.toNanos() / 1e9);
  }
}
