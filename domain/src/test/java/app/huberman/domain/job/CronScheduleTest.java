package app.huberman.domain.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronScheduleTest {

  private static Instant at(String utc) {
    return Instant.parse(utc);
  }

  /** Every tick in [from, to), in order. */
  private static List<Instant> ticks(String expression, String from, String to) {
    CronSchedule schedule = CronSchedule.parse(expression);
    List<Instant> ticks = new ArrayList<>();
    for (Instant tick = schedule.nextAfter(at(from).minusNanos(1));
        tick.isBefore(at(to));
        tick = schedule.nextAfter(tick)) {
      ticks.add(tick);
    }
    return ticks;
  }

  private static List<Instant> instants(String... utc) {
    return List.of(utc).stream().map(Instant::parse).toList();
  }

  @Test
  void anHourlyScheduleFiresAtTheTopOfEachHour() {
    CronSchedule hourly = CronSchedule.parse("0 * * * *");

    assertThat(hourly.nextAfter(at("2026-01-15T10:15:30Z"))).isEqualTo("2026-01-15T11:00:00Z");
    assertThat(hourly.latestAtOrBefore(at("2026-01-15T10:15:30Z")))
        .isEqualTo("2026-01-15T10:00:00Z");
  }

  @Test
  void onATickTheNextIsTheFollowingOneAndTheLatestIsItself() {
    CronSchedule hourly = CronSchedule.parse("0 * * * *");

    assertThat(hourly.nextAfter(at("2026-01-15T11:00:00Z"))).isEqualTo("2026-01-15T12:00:00Z");
    assertThat(hourly.latestAtOrBefore(at("2026-01-15T11:00:00Z")))
        .isEqualTo("2026-01-15T11:00:00Z");
  }

  @Test
  void fractionsOfAMinuteCountAsThatMinute() {
    CronSchedule hourly = CronSchedule.parse("0 * * * *");

    assertThat(hourly.nextAfter(at("2026-01-15T10:59:59.999999999Z")))
        .isEqualTo("2026-01-15T11:00:00Z");
    assertThat(hourly.nextAfter(at("2026-01-15T11:00:00.000000001Z")))
        .isEqualTo("2026-01-15T12:00:00Z");
    assertThat(hourly.latestAtOrBefore(at("2026-01-15T11:00:59.999Z")))
        .isEqualTo("2026-01-15T11:00:00Z");
    assertThat(hourly.latestAtOrBefore(at("2026-01-15T10:59:59.999Z")))
        .isEqualTo("2026-01-15T10:00:00Z");
  }

  @Test
  void everyQuarterHourDuringOfficeHoursOnWeekdays() {
    CronSchedule office = CronSchedule.parse("*/15 9-17 * * MON-FRI");

    // 2026-01-14 is a Wednesday, 2026-01-16 a Friday, 2026-01-19 a Monday.
    assertThat(office.nextAfter(at("2026-01-14T08:00:00Z"))).isEqualTo("2026-01-14T09:00:00Z");
    assertThat(office.nextAfter(at("2026-01-14T12:07:00Z"))).isEqualTo("2026-01-14T12:15:00Z");
    assertThat(office.nextAfter(at("2026-01-16T17:40:00Z"))).isEqualTo("2026-01-16T17:45:00Z");
    assertThat(office.nextAfter(at("2026-01-16T17:45:00Z"))).isEqualTo("2026-01-19T09:00:00Z");
    assertThat(office.latestAtOrBefore(at("2026-01-17T12:00:00Z")))
        .isEqualTo("2026-01-16T17:45:00Z");
    assertThat(office.latestAtOrBefore(at("2026-01-19T08:59:59Z")))
        .isEqualTo("2026-01-16T17:45:00Z");
    assertThat(office.latestAtOrBefore(at("2026-01-19T09:14:00Z")))
        .isEqualTo("2026-01-19T09:00:00Z");
    assertThat(ticks("*/15 9-17 * * MON-FRI", "2026-01-14T00:00:00Z", "2026-01-15T00:00:00Z"))
        .hasSize(9 * 4); // 09:00, 09:15 … 17:45
  }

  @Test
  void aDailyScheduleFiresOnceADayAtItsTime() {
    CronSchedule nightly = CronSchedule.parse("0 3 * * *");

    assertThat(nightly.nextAfter(at("2026-01-15T02:59:59Z"))).isEqualTo("2026-01-15T03:00:00Z");
    assertThat(nightly.nextAfter(at("2026-01-15T03:00:00Z"))).isEqualTo("2026-01-16T03:00:00Z");
    assertThat(nightly.latestAtOrBefore(at("2026-01-15T02:59:59Z")))
        .isEqualTo("2026-01-14T03:00:00Z");
  }

  @Test
  void rollsOverTheEndOfTheMonthAndTheYear() {
    CronSchedule everyMinute = CronSchedule.parse("* * * * *");

    assertThat(everyMinute.nextAfter(at("2026-12-31T23:59:00Z"))).isEqualTo("2027-01-01T00:00:00Z");
    assertThat(everyMinute.latestAtOrBefore(at("2027-01-01T00:00:00Z")))
        .isEqualTo("2027-01-01T00:00:00Z");
    assertThat(CronSchedule.parse("0 0 1 * *").nextAfter(at("2026-04-30T12:00:00Z")))
        .isEqualTo("2026-05-01T00:00:00Z");
    assertThat(CronSchedule.parse("59 23 31 12 *").latestAtOrBefore(at("2027-06-01T00:00:00Z")))
        .isEqualTo("2026-12-31T23:59:00Z");
    assertThat(CronSchedule.parse("0 0 1 1 *").nextAfter(at("2026-01-01T00:00:00Z")))
        .isEqualTo("2027-01-01T00:00:00Z");
  }

  @Test
  void theLastDayOfLongMonthsSkipsTheShortOnes() {
    assertThat(ticks("0 0 31 * *", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"))
        .containsExactlyElementsOf(
            instants(
                "2026-01-31T00:00:00Z",
                "2026-03-31T00:00:00Z",
                "2026-05-31T00:00:00Z",
                "2026-07-31T00:00:00Z",
                "2026-08-31T00:00:00Z",
                "2026-10-31T00:00:00Z",
                "2026-12-31T00:00:00Z"));
  }

  @Test
  void aLeapDayScheduleWaitsForTheNextLeapYear() {
    CronSchedule leapDay = CronSchedule.parse("0 0 29 2 *");

    assertThat(leapDay.nextAfter(at("2026-03-01T00:00:00Z"))).isEqualTo("2028-02-29T00:00:00Z");
    assertThat(leapDay.latestAtOrBefore(at("2026-03-01T00:00:00Z")))
        .isEqualTo("2024-02-29T00:00:00Z");
    // 2100 is not a leap year.
    assertThat(leapDay.nextAfter(at("2096-03-01T00:00:00Z"))).isEqualTo("2104-02-29T00:00:00Z");
    assertThat(leapDay.latestAtOrBefore(at("2104-02-28T00:00:00Z")))
        .isEqualTo("2096-02-29T00:00:00Z");
  }

  @Test
  void searchesSkipWholeMonthsAndDaysRatherThanWalkingMinutes() {
    CronSchedule leapDay = CronSchedule.parse("0 0 29 2 *");

    // A thousand leap days span about four thousand years: minute by minute this would take
    // hours.
    Instant last =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> {
              Instant tick = at("2026-01-01T00:00:00Z");
              for (int i = 0; i < 1000; i++) {
                tick = leapDay.nextAfter(tick);
              }
              for (int i = 0; i < 1000; i++) {
                leapDay.latestAtOrBefore(tick.minusSeconds(1));
              }
              return tick;
            });
    assertThat(last).isAfter(at("5000-01-01T00:00:00Z"));
  }

  @Test
  void whenBothDayFieldsAreRestrictedEitherOneSuffices() {
    // April 2026: Fridays are the 3rd, 10th, 17th and 24th; the 13th is a Monday.
    assertThat(ticks("0 0 13 * FRI", "2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z"))
        .containsExactlyElementsOf(
            instants(
                "2026-04-03T00:00:00Z",
                "2026-04-10T00:00:00Z",
                "2026-04-13T00:00:00Z",
                "2026-04-17T00:00:00Z",
                "2026-04-24T00:00:00Z"));
  }

  @Test
  void whenOneDayFieldIsAStarTheOtherAloneDecides() {
    assertThat(ticks("0 0 13 * *", "2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z"))
        .containsExactlyElementsOf(instants("2026-04-13T00:00:00Z"));
    assertThat(ticks("0 0 * * FRI", "2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z"))
        .containsExactlyElementsOf(
            instants(
                "2026-04-03T00:00:00Z",
                "2026-04-10T00:00:00Z",
                "2026-04-17T00:00:00Z",
                "2026-04-24T00:00:00Z"));
  }

  @Test
  void aDayFieldStartingWithAStarCountsAsUnrestrictedSoBothMustMatchAsInVixieCron() {
    // Odd days of the month that are also Fridays.
    assertThat(ticks("0 0 */2 * FRI", "2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z"))
        .containsExactlyElementsOf(instants("2026-04-03T00:00:00Z", "2026-04-17T00:00:00Z"));
  }

  @Test
  void sundayIsBothZeroAndSeven() {
    List<Instant> sundays =
        instants("2026-04-05T00:00:00Z", "2026-04-12T00:00:00Z", "2026-04-19T00:00:00Z");

    for (String sunday : List.of("0", "7", "SUN", "sun")) {
      assertThat(ticks("0 0 * * " + sunday, "2026-04-01T00:00:00Z", "2026-04-20T00:00:00Z"))
          .as(sunday)
          .containsExactlyElementsOf(sundays);
    }
    assertThat(ticks("0 0 * * 5-7", "2026-04-01T00:00:00Z", "2026-04-06T00:00:00Z"))
        .containsExactlyElementsOf(
            instants("2026-04-03T00:00:00Z", "2026-04-04T00:00:00Z", "2026-04-05T00:00:00Z"));
  }

  @Test
  void monthsAndDaysOfTheWeekTakeNamesInAnyCase() {
    assertThat(ticks("0 0 1 jan,Jul *", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"))
        .containsExactlyElementsOf(instants("2026-01-01T00:00:00Z", "2026-07-01T00:00:00Z"));
    assertThat(ticks("0 12 * * Mon-wed", "2026-04-01T00:00:00Z", "2026-04-08T00:00:00Z"))
        .containsExactlyElementsOf(
            instants("2026-04-01T12:00:00Z", "2026-04-06T12:00:00Z", "2026-04-07T12:00:00Z"));
    assertThat(ticks("0 0 1 MAR-DEC/3 *", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"))
        .containsExactlyElementsOf(
            instants(
                "2026-03-01T00:00:00Z",
                "2026-06-01T00:00:00Z",
                "2026-09-01T00:00:00Z",
                "2026-12-01T00:00:00Z"));
  }

  @Test
  void listsRangesAndStepsCombine() {
    assertThat(ticks("5,10-12,*/20 * * * *", "2026-01-15T10:00:00Z", "2026-01-15T11:00:00Z"))
        .containsExactlyElementsOf(
            instants(
                "2026-01-15T10:00:00Z",
                "2026-01-15T10:05:00Z",
                "2026-01-15T10:10:00Z",
                "2026-01-15T10:11:00Z",
                "2026-01-15T10:12:00Z",
                "2026-01-15T10:20:00Z",
                "2026-01-15T10:40:00Z"));
    assertThat(ticks("0-30/10 * * * *", "2026-01-15T10:00:00Z", "2026-01-15T11:00:00Z"))
        .containsExactlyElementsOf(
            instants(
                "2026-01-15T10:00:00Z",
                "2026-01-15T10:10:00Z",
                "2026-01-15T10:20:00Z",
                "2026-01-15T10:30:00Z"));
    // a/s runs from a to the end of the field.
    assertThat(ticks("10/15 * * * *", "2026-01-15T10:00:00Z", "2026-01-15T11:00:00Z"))
        .containsExactlyElementsOf(
            instants(
                "2026-01-15T10:10:00Z",
                "2026-01-15T10:25:00Z",
                "2026-01-15T10:40:00Z",
                "2026-01-15T10:55:00Z"));
    assertThat(ticks("0 */7 * * *", "2026-01-15T00:00:00Z", "2026-01-16T00:00:00Z"))
        .containsExactlyElementsOf(
            instants(
                "2026-01-15T00:00:00Z",
                "2026-01-15T07:00:00Z",
                "2026-01-15T14:00:00Z",
                "2026-01-15T21:00:00Z"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "@yearly    | 0 0 1 1 *",
        "@annually  | 0 0 1 1 *",
        "@monthly   | 0 0 1 * *",
        "@weekly    | 0 0 * * 0",
        "@daily     | 0 0 * * *",
        "@midnight  | 0 0 * * *",
        "@hourly    | 0 * * * *",
        "@DAILY     | 0 0 * * *"
      })
  void macrosStandForTheirExpressions(String macro, String expression) {
    CronSchedule fromMacro = CronSchedule.parse(macro);
    CronSchedule spelledOut = CronSchedule.parse(expression);

    assertThat(fromMacro.expression()).isEqualTo(macro);
    Instant next = at("2026-01-15T10:15:30Z");
    Instant latest = next;
    for (int i = 0; i < 5; i++) {
      Instant expectedNext = spelledOut.nextAfter(next);
      Instant expectedLatest = spelledOut.latestAtOrBefore(latest);
      assertThat(fromMacro.nextAfter(next)).isEqualTo(expectedNext);
      assertThat(fromMacro.latestAtOrBefore(latest)).isEqualTo(expectedLatest);
      next = expectedNext;
      latest = expectedLatest.minusNanos(1);
    }
  }

  @Test
  void keepsTheExpressionTrimmedAndIsEqualByIt() {
    CronSchedule schedule = CronSchedule.parse("  0 3 * * *\t");

    assertThat(schedule.expression()).isEqualTo("0 3 * * *");
    assertThat(schedule).hasToString("0 3 * * *");
    assertThat(schedule)
        .isEqualTo(CronSchedule.parse("0 3 * * *"))
        .hasSameHashCodeAs(CronSchedule.parse("0 3 * * *"))
        .isNotEqualTo(CronSchedule.parse("0 4 * * *"));
    assertThat(CronSchedule.parse("0\t3  * * *").nextAfter(at("2026-01-15T00:00:00Z")))
        .isEqualTo("2026-01-15T03:00:00Z");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                  | cannot be blank",
        "0 0 * *             | has 4 fields; expected 5",
        "0 0 0 * * *         | has 6 fields; expected 5",
        "60 * * * *          | minute field '60': 60 is out of range 0-59",
        "* 24 * * *          | hour field '24': 24 is out of range 0-23",
        "* * 0 * *           | day-of-month field '0': 0 is out of range 1-31",
        "* * 32 * *          | day-of-month field '32': 32 is out of range 1-31",
        "* * * 13 *          | month field '13': 13 is out of range 1-12",
        "* * * 0 *           | month field '0': 0 is out of range 1-12",
        "* * * * 8           | day-of-week field '8': 8 is out of range 0-7",
        "5-1 * * * *         | minute field '5-1': range '5-1' starts after it ends",
        "* * * * FRI-SUN     | day-of-week field 'FRI-SUN': range 'FRI-SUN' starts after it ends",
        "*/0 * * * *         | minute field '*/0': step 0",
        "* 1-5/0 * * *       | hour field '1-5/0': step 0",
        "1,,2 * * * *        | minute field '1,,2': empty list item",
        "* 1, * * *          | hour field '1,': empty list item",
        "* * * FOO *         | month field 'FOO': 'FOO' is not a number or a name such as JAN",
        "* * * * FUNDAY      | day-of-week field 'FUNDAY': 'FUNDAY' is not a number or a name",
        "JAN * * * *         | minute field 'JAN': 'JAN' is not a number",
        "? * * * *           | minute field '?': '?' is not a number",
        "* * L * *           | day-of-month field 'L': 'L' is not a number",
        "* * * * 5#3         | day-of-week field '5#3': '5#3' is not a number",
        "1- * * * *          | minute field '1-': '' is not a number",
        "*/ * * * *          | minute field '*/': '' is not a number",
        "*/x * * * *         | minute field '*/x': 'x' is not a number",
        "*-5 * * * *         | minute field '*-5': '*' is not a number",
        "-1 * * * *          | minute field '-1': '' is not a number",
        "1.5 * * * *         | minute field '1.5': '1.5' is not a number",
        "12345678901 * * * * | minute field '12345678901': 12345678901 is too large",
        "@fortnightly        | '@fortnightly': unknown macro",
        "@daily 5            | '@daily 5': unknown macro",
        "0 0 30 2 *          | '0 0 30 2 *' never fires",
        "0 0 31 4 *          | '0 0 31 4 *' never fires",
        "0 0 31 4,6,9,11 *   | never fires: none of its months (month field) has any of its days",
        "0 0 30,31 FEB */2   | never fires"
      })
  void rejectsAnInvalidExpressionNamingWhatIsWrong(String expression, String message) {
    assertThatThrownBy(() -> CronSchedule.parse(expression))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void anExpressionThatFiresRarelyIsStillValid() {
    assertThat(CronSchedule.parse("0 0 29 2 *").expression()).isEqualTo("0 0 29 2 *");
    // Both day fields restricted: the Mondays of February fire even in years without a 29th.
    assertThat(CronSchedule.parse("0 0 30 2 MON").nextAfter(at("2026-01-01T00:00:00Z")))
        .isEqualTo("2026-02-02T00:00:00Z");
    assertThat(CronSchedule.parse("0 0 30,31 2,4 *").nextAfter(at("2026-01-01T00:00:00Z")))
        .isEqualTo("2026-04-30T00:00:00Z");
  }

  @Test
  void refusesNulls() {
    assertThatNullPointerException().isThrownBy(() -> CronSchedule.parse(null));
    assertThatNullPointerException()
        .isThrownBy(() -> CronSchedule.parse("* * * * *").nextAfter(null));
    assertThatNullPointerException()
        .isThrownBy(() -> CronSchedule.parse("* * * * *").latestAtOrBefore(null));
  }
}
