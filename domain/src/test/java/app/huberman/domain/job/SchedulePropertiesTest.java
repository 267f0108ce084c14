package app.huberman.domain.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any schedule whose period divides a day, at any instant of two centuries around the epoch. */
class SchedulePropertiesTest {

  private static final long MINUTES_A_DAY = 24 * 60;

  @Provide
  Arbitrary<Schedule> schedules() {
    Arbitrary<Long> periods =
        Arbitraries.of(
            LongStream.rangeClosed(1, MINUTES_A_DAY)
                .filter(minutes -> MINUTES_A_DAY % minutes == 0)
                .boxed()
                .toList());
    return periods.flatMap(
        period ->
            Arbitraries.longs()
                .between(0, period - 1)
                .map(
                    offset ->
                        new Schedule(Duration.ofMinutes(period), Duration.ofMinutes(offset))));
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Combinators.combine(
            Arbitraries.longs()
                .between(
                    Instant.parse("1900-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("2100-12-31T23:59:59Z").getEpochSecond()),
            Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
  }

  @Property
  void theLatestTickIsAtOrBeforeAndLessThanAPeriodAgo(
      @ForAll("schedules") Schedule schedule, @ForAll("instants") Instant instant) {
    Instant tick = schedule.latestAtOrBefore(instant);

    assertThat(tick).isBeforeOrEqualTo(instant);
    assertThat(Duration.between(tick, instant)).isLessThan(schedule.period());
  }

  @Property
  void everyTickIsOnTheGridOfWholeMinutesFromMidnightUtc(
      @ForAll("schedules") Schedule schedule, @ForAll("instants") Instant instant) {
    long tick = schedule.latestAtOrBefore(instant).getEpochSecond();

    assertThat(tick % 60).isZero();
    assertThat(Math.floorMod(tick - schedule.offset().toSeconds(), schedule.period().toSeconds()))
        .isZero();
  }

  @Property
  void aTickIsItsOwnLatestTickAndTheOneBeforeItIsAPeriodEarlier(
      @ForAll("schedules") Schedule schedule, @ForAll("instants") Instant instant) {
    Instant tick = schedule.latestAtOrBefore(instant);

    assertThat(schedule.latestAtOrBefore(tick)).isEqualTo(tick);
    assertThat(schedule.latestAtOrBefore(tick.minusNanos(1)))
        .isEqualTo(tick.minus(schedule.period()));
  }

  @Property
  void laterInstantsNeverHaveEarlierTicks(
      @ForAll("schedules") Schedule schedule,
      @ForAll("instants") Instant first,
      @ForAll("instants") Instant second) {
    Instant earlier = first.isBefore(second) ? first : second;
    Instant later = first.isBefore(second) ? second : first;

    assertThat(schedule.latestAtOrBefore(later))
        .isAfterOrEqualTo(schedule.latestAtOrBefore(earlier));
  }
}
