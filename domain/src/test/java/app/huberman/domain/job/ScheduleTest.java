package app.huberman.domain.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleTest {

  private static Instant at(String text) {
    return Instant.parse(text);
  }

  @ParameterizedTest(name = "every {0} min, at {1}: {2}")
  @CsvSource({
    "1, 2026-11-26T10:15:30.250Z, 2026-11-26T10:15:00Z",
    "1, 2026-11-26T10:15:00Z, 2026-11-26T10:15:00Z",
    "5, 2026-11-26T10:14:59.999Z, 2026-11-26T10:10:00Z",
    "5, 2026-11-26T10:15:00Z, 2026-11-26T10:15:00Z",
    "5, 2026-11-27T00:04:00Z, 2026-11-27T00:00:00Z",
    "5, 2026-11-26T23:59:59Z, 2026-11-26T23:55:00Z"
  })
  void everyFewMinutesIsDueOnTheMultiplesOfThePeriodInEachHour(
      long minutes, String instant, String tick) {
    assertThat(Schedule.every(Duration.ofMinutes(minutes)).latestAtOrBefore(at(instant)))
        .isEqualTo(at(tick));
  }

  @Test
  void hourlyIsDueAtItsMinuteOfEachHour() {
    Schedule schedule = Schedule.hourlyAt(23);

    assertThat(schedule.latestAtOrBefore(at("2026-11-26T10:23:00Z")))
        .isEqualTo(at("2026-11-26T10:23:00Z"));
    assertThat(schedule.latestAtOrBefore(at("2026-11-26T10:22:59Z")))
        .isEqualTo(at("2026-11-26T09:23:00Z"));
    assertThat(schedule.latestAtOrBefore(at("2026-11-27T00:10:00Z")))
        .as("across midnight")
        .isEqualTo(at("2026-11-26T23:23:00Z"));
  }

  @Test
  void dailyIsDueAtItsTimeOfDayInUtc() {
    Schedule schedule = Schedule.dailyAt(LocalTime.of(4, 37));

    assertThat(schedule.latestAtOrBefore(at("2026-11-26T04:37:00Z")))
        .isEqualTo(at("2026-11-26T04:37:00Z"));
    assertThat(schedule.latestAtOrBefore(at("2026-11-26T04:36:59Z")))
        .isEqualTo(at("2026-11-25T04:37:00Z"));
    assertThat(schedule.latestAtOrBefore(at("2028-03-01T01:00:00Z")))
        .as("across a leap day")
        .isEqualTo(at("2028-02-29T04:37:00Z"));
    assertThat(schedule.latestAtOrBefore(at("2027-01-01T00:00:00Z")))
        .as("across a new year")
        .isEqualTo(at("2026-12-31T04:37:00Z"));
  }

  @Test
  void instantsBeforeTheEpochHaveTheirTicksToo() {
    assertThat(Schedule.hourlyAt(7).latestAtOrBefore(at("1969-12-31T23:06:00Z")))
        .isEqualTo(at("1969-12-31T22:07:00Z"));
  }

  @Test
  void refusesPeriodsThatDoNotDivideADayIntoWholeMinutes() {
    for (Duration period :
        new Duration[] {
          Duration.ZERO,
          Duration.ofMinutes(-5),
          Duration.ofSeconds(90),
          Duration.ofMinutes(7),
          Duration.ofDays(2)
        }) {
      assertThatThrownBy(() -> Schedule.every(period))
          .as(period.toString())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("period");
    }
  }

  @Test
  void refusesOffsetsOutsideThePeriodOrBetweenMinutes() {
    assertThatThrownBy(() -> Schedule.hourlyAt(60))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset");
    assertThatThrownBy(() -> Schedule.hourlyAt(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Schedule.dailyAt(LocalTime.of(4, 37, 30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset");
  }

  @Test
  void equalSchedulesAreEqualHoweverWritten() {
    assertThat(Schedule.hourlyAt(0))
        .isEqualTo(Schedule.every(Duration.ofHours(1)))
        .hasSameHashCodeAs(Schedule.every(Duration.ofHours(1)))
        .isNotEqualTo(Schedule.hourlyAt(1));
    assertThat(Schedule.dailyAt(LocalTime.MIDNIGHT)).isEqualTo(Schedule.every(Duration.ofDays(1)));
  }
}
