package app.huberman.domain.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Expressions are built from random pieces together with the set of values each piece stands for,
 * so a tick can be checked against that set rather than against the schedule itself.
 */
class CronSchedulePropertiesTest {

  private static final LocalDateTime EARLIEST = LocalDateTime.of(2000, 1, 1, 0, 0);
  private static final LocalDateTime LATEST = LocalDateTime.of(2100, 12, 31, 23, 59);

  private enum Kind {
    STAR,
    STAR_STEP,
    VALUE,
    RANGE,
    RANGE_STEP,
    FROM_STEP
  }

  private record Range(int min, int max, List<String> names) {

    String token(int value, boolean named) {
      if (!named || value - min >= names.size()) {
        return String.valueOf(value);
      }
      String name = names.get(value - min);
      return value % 2 == 0 ? name.toLowerCase(Locale.ROOT) : name;
    }
  }

  private static final List<Range> RANGES =
      List.of(
          new Range(0, 59, List.of()),
          new Range(0, 23, List.of()),
          new Range(1, 31, List.of()),
          new Range(
              1,
              12,
              List.of(
                  "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
                  "DEC")),
          new Range(0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")));

  /** A field's text and the values it stands for. */
  private record Field(String text, BitSet values) {}

  /** An expression and, per field, the values it stands for: the oracle for its ticks. */
  record Generated(String expression, List<Field> fields) {

    boolean eitherDayFieldSuffices() {
      return !fields.get(2).text().startsWith("*") && !fields.get(4).text().startsWith("*");
    }

    boolean matchesDay(LocalDate date) {
      boolean dayOfMonth = fields.get(2).values().get(date.getDayOfMonth());
      BitSet daysOfWeek = fields.get(4).values();
      int dayOfWeek = date.getDayOfWeek().getValue(); // 1 = Monday .. 7 = Sunday
      boolean weekday = daysOfWeek.get(dayOfWeek) || (dayOfWeek == 7 && daysOfWeek.get(0));
      boolean day = eitherDayFieldSuffices() ? dayOfMonth || weekday : dayOfMonth && weekday;
      return day && fields.get(3).values().get(date.getMonthValue());
    }

    boolean matches(Instant instant) {
      LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
      return t.getSecond() == 0
          && t.getNano() == 0
          && fields.get(0).values().get(t.getMinute())
          && fields.get(1).values().get(t.getHour())
          && matchesDay(t.toLocalDate());
    }

    /** 2000-2027 holds every combination of leap year, month and weekday. */
    boolean firesSomeday() {
      return EARLIEST.toLocalDate().datesUntil(LocalDate.of(2028, 1, 1)).anyMatch(this::matchesDay);
    }

    CronSchedule schedule() {
      return CronSchedule.parse(expression);
    }

    @Override
    public String toString() {
      return expression;
    }
  }

  @Provide
  Arbitrary<Generated> expressions() {
    return Combinators.combine(RANGES.stream().map(CronSchedulePropertiesTest::field).toList())
        .as(
            fields ->
                new Generated(
                    fields.stream().map(Field::text).collect(Collectors.joining(" ")), fields));
  }

  @Provide
  Arbitrary<Generated> schedules() {
    return expressions().filter(Generated::firesSomeday);
  }

  @Provide
  Arbitrary<Instant> instants() {
    Arbitrary<Instant> any =
        Arbitraries.longs()
            .between(EARLIEST.toEpochSecond(ZoneOffset.UTC), LATEST.toEpochSecond(ZoneOffset.UTC))
            .flatMap(
                second ->
                    Arbitraries.integers()
                        .between(0, 999_999_999)
                        .map(nanos -> Instant.ofEpochSecond(second, nanos)));
    // Whole minutes too, since an instant on a tick is where off-by-ones hide.
    return Arbitraries.frequencyOf(
        Tuple.of(1, any), Tuple.of(1, any.map(t -> t.truncatedTo(ChronoUnit.MINUTES))));
  }

  private static Arbitrary<Field> field(Range range) {
    Arbitrary<Kind> kind =
        Arbitraries.frequency(
            Tuple.of(4, Kind.STAR),
            Tuple.of(1, Kind.STAR_STEP),
            Tuple.of(2, Kind.VALUE),
            Tuple.of(2, Kind.RANGE),
            Tuple.of(1, Kind.RANGE_STEP),
            Tuple.of(1, Kind.FROM_STEP));
    Arbitrary<Integer> value = Arbitraries.integers().between(range.min(), range.max());
    Arbitrary<Integer> step = Arbitraries.integers().between(1, range.max() + 1);
    Arbitrary<Boolean> named = Arbitraries.of(false, true);
    Arbitrary<Field> piece =
        Combinators.combine(kind, value, value, step, named)
            .as((k, x, y, s, n) -> piece(range, k, Math.min(x, y), Math.max(x, y), s, n));
    return piece
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(
            pieces -> {
              BitSet values = new BitSet();
              pieces.forEach(p -> values.or(p.values()));
              String text = pieces.stream().map(Field::text).collect(Collectors.joining(","));
              return new Field(text, values);
            });
  }

  private static Field piece(Range range, Kind kind, int a, int b, int step, boolean named) {
    String from = range.token(a, named);
    return switch (kind) {
      case STAR -> values("*", range.min(), range.max(), 1);
      case STAR_STEP -> values("*/" + step, range.min(), range.max(), step);
      case VALUE -> values(from, a, a, 1);
      case RANGE -> values(from + "-" + range.token(b, named), a, b, 1);
      case RANGE_STEP -> values(from + "-" + range.token(b, named) + "/" + step, a, b, step);
      case FROM_STEP -> values(from + "/" + step, a, range.max(), step);
    };
  }

  private static Field values(String text, int from, int to, int step) {
    BitSet values = new BitSet();
    for (int value = from; value <= to; value += step) {
      values.set(value);
    }
    return new Field(text, values);
  }

  @Property
  void parsesExactlyTheExpressionsThatFireSomeday(@ForAll("expressions") Generated generated) {
    if (generated.firesSomeday()) {
      assertThatCode(generated::schedule).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(generated::schedule)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("never fires");
    }
  }

  @Property
  void theNextTickIsAfterTheInstantAndATick(
      @ForAll("schedules") Generated generated, @ForAll("instants") Instant instant) {
    Instant next = generated.schedule().nextAfter(instant);

    assertThat(next).isAfter(instant);
    assertThat(generated.matches(next)).as("%s is a tick", next).isTrue();
    assertThat(generated.schedule().latestAtOrBefore(next)).isEqualTo(next);
  }

  @Property
  void noTickLiesBetweenTheInstantAndTheNextTick(
      @ForAll("schedules") Generated generated, @ForAll("instants") Instant instant) {
    CronSchedule schedule = generated.schedule();
    Instant next = schedule.nextAfter(instant);

    assertThat(schedule.latestAtOrBefore(next.minusNanos(1))).isBeforeOrEqualTo(instant);
  }

  @Property
  void theLatestTickIsAtOrBeforeTheInstantAndTheLastOne(
      @ForAll("schedules") Generated generated, @ForAll("instants") Instant instant) {
    CronSchedule schedule = generated.schedule();
    Instant latest = schedule.latestAtOrBefore(instant);

    assertThat(latest).isBeforeOrEqualTo(instant);
    assertThat(generated.matches(latest)).as("%s is a tick", latest).isTrue();
    assertThat(schedule.nextAfter(latest)).isAfter(instant);
  }

  /** Walks the following and preceding six hours minute by minute with the oracle. */
  @Property
  void agreesWithAMinuteByMinuteWalk(
      @ForAll("schedules") Generated generated, @ForAll("instants") Instant instant) {
    CronSchedule schedule = generated.schedule();
    Instant minute = instant.truncatedTo(ChronoUnit.MINUTES);

    Instant firstAfter = null;
    for (int i = 1; i <= 360 && firstAfter == null; i++) {
      Instant candidate = minute.plus(i, ChronoUnit.MINUTES);
      if (generated.matches(candidate)) {
        firstAfter = candidate;
      }
    }
    Instant lastBefore = null;
    for (int i = 0; i <= 360 && lastBefore == null; i++) {
      Instant candidate = minute.minus(i, ChronoUnit.MINUTES);
      if (generated.matches(candidate)) {
        lastBefore = candidate;
      }
    }

    if (firstAfter != null) {
      assertThat(schedule.nextAfter(instant)).isEqualTo(firstAfter);
    } else {
      assertThat(schedule.nextAfter(instant)).isAfter(minute.plus(360, ChronoUnit.MINUTES));
    }
    if (lastBefore != null) {
      assertThat(schedule.latestAtOrBefore(instant)).isEqualTo(lastBefore);
    } else {
      assertThat(schedule.latestAtOrBefore(instant))
          .isBefore(minute.minus(360, ChronoUnit.MINUTES));
    }
  }
}
