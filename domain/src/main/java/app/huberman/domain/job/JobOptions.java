package app.huberman.domain.job;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a job is enqueued.
 *
 * @param delay how long after the enqueuing transaction commits it may start
 * @param maxAttempts attempts before it counts as failed
 * @param uniqueKey at most one job with this key exists at a time; enqueuing another is a no-op
 * @param timeouts how long one attempt may run, and when a silent worker counts as gone
 */
public record JobOptions(
    QueueName queue,
    Duration delay,
    int maxAttempts,
    Optional<String> uniqueKey,
    JobTimeouts timeouts) {

  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  /** Room for a webhook's processing key: a prefix, the provider and a 255-character event id. */
  private static final int MAX_UNIQUE_KEY_LENGTH = 512;

  public JobOptions {
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(uniqueKey, "uniqueKey");
    Objects.requireNonNull(timeouts, "timeouts");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("A job cannot be delayed into the past");
    }
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new IllegalArgumentException("Max attempts must be between 1 and 100: " + maxAttempts);
    }
    uniqueKey.ifPresent(
        key -> {
          if (key.isBlank() || key.length() > MAX_UNIQUE_KEY_LENGTH) {
            throw new IllegalArgumentException("A unique key is 1 to 512 characters");
          }
        });
  }

  public static JobOptions defaults() {
    return new JobOptions(
        QueueName.DEFAULT,
        Duration.ZERO,
        DEFAULT_MAX_ATTEMPTS,
        Optional.empty(),
        JobTimeouts.DEFAULT);
  }

  public JobOptions onQueue(QueueName queue) {
    return new JobOptions(queue, delay, maxAttempts, uniqueKey, timeouts);
  }

  public JobOptions delayedBy(Duration delay) {
    return new JobOptions(queue, delay, maxAttempts, uniqueKey, timeouts);
  }

  public JobOptions withMaxAttempts(int maxAttempts) {
    return new JobOptions(queue, delay, maxAttempts, uniqueKey, timeouts);
  }

  public JobOptions uniqueBy(String key) {
    return new JobOptions(queue, delay, maxAttempts, Optional.of(key), timeouts);
  }

  public JobOptions withTimeouts(JobTimeouts timeouts) {
    return new JobOptions(queue, delay, maxAttempts, uniqueKey, timeouts);
  }
}
