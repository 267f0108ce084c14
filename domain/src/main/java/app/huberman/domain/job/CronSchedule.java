package app.huberman.domain.job;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * When a recurring job is due: a standard five-field cron expression ({@code minute hour
 * day-of-month month day-of-week}), evaluated in UTC. Ticks are whole minutes.
 *
 * <p>Each field takes {@code *}, a number, a range {@code a-b}, a step {@code *}{@code /s}, {@code
 * a-b/s} or {@code a/s} (from {@code a} to the field's maximum), or a comma list of these. Months
 * and days of the week also take names ({@code JAN}, {@code MON}, any case); day-of-week 0 and 7
 * are both Sunday. The macros {@code @yearly} (or {@code @annually}), {@code @monthly},
 * {@code @weekly}, {@code @daily} (or {@code @midnight}) and {@code @hourly}, in any case, stand
 * for their usual expressions.
 *
 * <p>Days follow Vixie cron: when both day fields are restricted (neither starts with {@code *}), a
 * day is due when either matches; otherwise it must match both.
 */
public final class CronSchedule {

  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");

  private final String expression;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final boolean eitherDayFieldSuffices;

  private CronSchedule(String expression, String[] fields) {
    this.expression = expression;
    this.minutes = Field.MINUTE.parse(fields[0], expression);
    this.hours = Field.HOUR.parse(fields[1], expression);
    this.daysOfMonth = Field.DAY_OF_MONTH.parse(fields[2], expression);
    this.months = Field.MONTH.parse(fields[3], expression);
    this.daysOfWeek = Field.DAY_OF_WEEK.parse(fields[4], expression);
    if (daysOfWeek.get(7)) {
      daysOfWeek.clear(7);
      daysOfWeek.set(0);
    }
    // Vixie cron looks at the first character, so "*/2" counts as unrestricted too.
    this.eitherDayFieldSuffices = !fields[2].startsWith("*") && !fields[4].startsWith("*");
  }

  /**
   * Parses a standard 5-field cron expression: minute hour day-of-month month day-of-week.
   *
   * @throws IllegalArgumentException naming the bad field and why, or saying that the expression
   *     never fires (such as {@code 0 0 30 2 *})
   */
  public static CronSchedule parse(String expression) {
    String trimmed = Objects.requireNonNull(expression, "expression").strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("A cron expression cannot be blank");
    }
    String fields = trimmed;
    if (trimmed.startsWith("@")) {
      fields = MACROS.get(trimmed.toLowerCase(Locale.ROOT));
      if (fields == null) {
        throw new IllegalArgumentException(
            "Cron expression '"
                + trimmed
                + "': unknown macro; expected @yearly, @annually, @monthly, @weekly, @daily,"
                + " @midnight or @hourly");
      }
    }
    String[] parts = fields.split("\\s+", -1);
    if (parts.length != 5) {
      throw new IllegalArgumentException(
          "Cron expression '"
              + trimmed
              + "' has "
              + parts.length
              + " fields; expected 5: minute hour day-of-month month day-of-week");
    }
    CronSchedule schedule = new CronSchedule(trimmed, parts);
    if (!schedule.canEverFire()) {
      throw new IllegalArgumentException(
          "Cron expression '"
              + trimmed
              + "' never fires: none of its months (month field) has any of its days"
              + " (day-of-month field)");
    }
    return schedule;
  }

  /** The expression as given, trimmed; a macro stays a macro. */
  public String expression() {
    return expression;
  }

  /** The first tick strictly after the given instant. */
  public Instant nextAfter(Instant instant) {
    LocalDateTime t = utcMinute(instant).plusMinutes(1);
    while (true) {
      if (!months.get(t.getMonthValue())) {
        int month = months.nextSetBit(t.getMonthValue());
        t =
            month < 0
                ? LocalDate.of(t.getYear() + 1, months.nextSetBit(1), 1).atStartOfDay()
                : LocalDate.of(t.getYear(), month, 1).atStartOfDay();
        continue;
      }
      if (!dayMatches(t.toLocalDate())) {
        t = t.toLocalDate().plusDays(1).atStartOfDay();
        continue;
      }
      int hour = hours.nextSetBit(t.getHour());
      if (hour < 0) {
        t = t.toLocalDate().plusDays(1).atStartOfDay();
        continue;
      }
      if (hour > t.getHour()) {
        t = t.withHour(hour).withMinute(0);
      }
      int minute = minutes.nextSetBit(t.getMinute());
      if (minute < 0) {
        t = t.withMinute(0).plusHours(1);
        continue;
      }
      return t.withMinute(minute).toInstant(ZoneOffset.UTC);
    }
  }

  /**
   * The latest tick at or before the given instant: after downtime, a scheduler runs this one
   * missed tick rather than replaying every tick it slept through.
   */
  public Instant latestAtOrBefore(Instant instant) {
    LocalDateTime t = utcMinute(instant);
    while (true) {
      if (!months.get(t.getMonthValue())) {
        int month = months.previousSetBit(t.getMonthValue());
        YearMonth previous =
            month < 1
                ? YearMonth.of(t.getYear() - 1, months.previousSetBit(12))
                : YearMonth.of(t.getYear(), month);
        t = previous.atEndOfMonth().atTime(23, 59);
        continue;
      }
      if (!dayMatches(t.toLocalDate())) {
        t = t.toLocalDate().minusDays(1).atTime(23, 59);
        continue;
      }
      int hour = hours.previousSetBit(t.getHour());
      if (hour < 0) {
        t = t.toLocalDate().minusDays(1).atTime(23, 59);
        continue;
      }
      if (hour < t.getHour()) {
        t = t.withHour(hour).withMinute(59);
      }
      int minute = minutes.previousSetBit(t.getMinute());
      if (minute < 0) {
        t = t.withMinute(0).minusMinutes(1);
        continue;
      }
      return t.withMinute(minute).toInstant(ZoneOffset.UTC);
    }
  }

  private static LocalDateTime utcMinute(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
  }

  private boolean dayMatches(LocalDate date) {
    boolean dayOfMonth = daysOfMonth.get(date.getDayOfMonth());
    boolean dayOfWeek = daysOfWeek.get(date.getDayOfWeek().getValue() % 7);
    return eitherDayFieldSuffices ? dayOfMonth || dayOfWeek : dayOfMonth && dayOfWeek;
  }

  /**
   * Every day of the week turns up in every month over the years, so only a day of the month that
   * no chosen month has (the 30th of February) can keep a schedule from firing. Decided here rather
   * than by searching, so the searches above always end.
   */
  private boolean canEverFire() {
    if (eitherDayFieldSuffices) {
      return true;
    }
    int firstDay = daysOfMonth.nextSetBit(1);
    return months.stream().anyMatch(month -> firstDay <= Month.of(month).maxLength());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CronSchedule schedule && expression.equals(schedule.expression);
  }

  @Override
  public int hashCode() {
    return expression.hashCode();
  }

  @Override
  public String toString() {
    return expression;
  }

  /** One of the five fields, with its range and names, and the parser for its text. */
  private record Field(String label, int min, int max, List<String> names) {

    static final Field MINUTE = new Field("minute", 0, 59, List.of());
    static final Field HOUR = new Field("hour", 0, 23, List.of());
    static final Field DAY_OF_MONTH = new Field("day-of-month", 1, 31, List.of());
    static final Field MONTH =
        new Field(
            "month",
            1,
            12,
            List.of(
                "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
                "DEC"));
    static final Field DAY_OF_WEEK =
        new Field("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

    BitSet parse(String text, String expression) {
      BitSet values = new BitSet(max + 1);
      for (String item : text.split(",", -1)) {
        if (item.isEmpty()) {
          throw invalid(expression, text, "empty list item");
        }
        addItem(item, values, text, expression);
      }
      return values;
    }

    private void addItem(String item, BitSet values, String text, String expression) {
      String range = item;
      int step = 1;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        step = number(item.substring(slash + 1), text, expression, "a number");
        if (step == 0) {
          throw invalid(expression, text, "step 0 in '" + item + "'");
        }
      }
      int from;
      int to;
      int dash = range.indexOf('-');
      if (range.equals("*")) {
        from = min;
        to = max;
      } else if (dash >= 0) {
        from = value(range.substring(0, dash), text, expression);
        to = value(range.substring(dash + 1), text, expression);
        if (from > to) {
          throw invalid(expression, text, "range '" + range + "' starts after it ends");
        }
      } else {
        from = value(range, text, expression);
        to = slash >= 0 ? max : from;
      }
      for (int value = from; value <= to; value += step) {
        values.set(value);
      }
    }

    private int value(String token, String text, String expression) {
      int index = names.indexOf(token.toUpperCase(Locale.ROOT));
      if (index >= 0) {
        return min + index;
      }
      String what = names.isEmpty() ? "a number" : "a number or a name such as " + names.get(0);
      int value = number(token, text, expression, what);
      if (value < min || value > max) {
        throw invalid(expression, text, value + " is out of range " + min + "-" + max);
      }
      return value;
    }

    private int number(String token, String text, String expression, String what) {
      if (token.isEmpty() || !token.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw invalid(expression, text, "'" + token + "' is not " + what);
      }
      // Nine digits at most, so that adding a step to a value cannot overflow.
      if (token.length() > 9) {
        throw invalid(expression, text, token + " is too large");
      }
      return Integer.parseInt(token);
    }

    private IllegalArgumentException invalid(String expression, String text, String why) {
      return new IllegalArgumentException(
          "Cron expression '" + expression + "': " + label + " field '" + text + "': " + why);
    }
  }
}
