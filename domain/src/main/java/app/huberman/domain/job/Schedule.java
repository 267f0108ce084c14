package app.huberman.domain.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Objects;

/**
 * When a recurring job is due, in UTC: once every {@code period}, {@code offset} into it. Ticks lie
 * on a grid of whole minutes that starts at the epoch, a UTC midnight, and the period divides a
 * day, so every day has the same ticks: {@code every(5 minutes)} is due at :00, :05, … :55 of each
 * hour, {@code hourlyAt(23)} at :23, {@code dailyAt(04:37)} at 04:37 UTC.
 */
public record Schedule(Duration period, Duration offset) {

  private static final Duration DAY = Duration.ofDays(1);

  public Schedule {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(offset, "offset");
    if (!wholeMinutes(period) || period.isZero() || DAY.toSeconds() % period.toSeconds() != 0) {
      throw new IllegalArgumentException("A period is whole minutes that divide a day: " + period);
    }
    if (!wholeMinutes(offset) || offset.isNegative() || offset.compareTo(period) >= 0) {
      throw new IllegalArgumentException("An offset is whole minutes within the period: " + offset);
    }
  }

  /** Due at each multiple of the period since midnight UTC. */
  public static Schedule every(Duration period) {
    return new Schedule(period, Duration.ZERO);
  }

  /** Due once an hour, at this minute. */
  public static Schedule hourlyAt(int minute) {
    return new Schedule(Duration.ofHours(1), Duration.ofMinutes(minute));
  }

  /** Due once a day, at this time of day in UTC (whole minutes). */
  public static Schedule dailyAt(LocalTime time) {
    return new Schedule(DAY, Duration.ofSeconds(time.toSecondOfDay(), time.getNano()));
  }

  /** The latest tick at or before the instant. */
  public Instant latestAtOrBefore(Instant instant) {
    long periodSeconds = period.toSeconds();
    long offsetSeconds = offset.toSeconds();
    long ticks = Math.floorDiv(instant.getEpochSecond() - offsetSeconds, periodSeconds);
    return Instant.ofEpochSecond(ticks * periodSeconds + offsetSeconds);
  }

  private static boolean wholeMinutes(Duration duration) {
    return duration.getNano() == 0 && duration.toSeconds() % 60 == 0;
  }
}
