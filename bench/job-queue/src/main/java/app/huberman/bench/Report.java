package app.huberman.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The Markdown the benchmark prints and keeps under {@code bench/results/}. */
final class Report {

  static final double TARGET_OF_RAW = 0.5;
  static final double TARGET_P50_MILLIS = 50;

  private final Figures ours;
  private final Figures oursWithWork;
  private final List<Figures> dbSchedulers;
  private final Figures raw;

  /**
   * @param ours the headline: our queue as the no-op handler may run (the ratios are its)
   * @param oursWithWork our queue with a transaction per job, for comparison
   */
  Report(Figures ours, Figures oursWithWork, List<Figures> dbSchedulers, Figures raw) {
    this.ours = ours;
    this.oursWithWork = oursWithWork;
    this.dbSchedulers = List.copyOf(dbSchedulers);
    this.raw = raw;
  }

  String table() {
    StringBuilder out = new StringBuilder();
    out.append("| measure | ").append(ours.contender().name());
    out.append(" | ").append(oursWithWork.contender().name());
    dbSchedulers.forEach(db -> out.append(" | ").append(db.contender().name()));
    out.append(" | ")
        .append(raw.contender().name())
        .append(" | ours / db-scheduler A; B | ours / raw |\n");
    out.append("|---|---|---|").append("---|".repeat(dbSchedulers.size())).append("---|---|---|\n");
    rateRow(out, "enqueue, jobs/s", Figures::enqueuePerSecond);
    rateRow(out, "processing, jobs/s", Figures::processedPerSecond);
    out.append("| idle enqueue-to-start, p50 / p90 / p99 | ").append(latency(ours));
    out.append(" | ").append(latency(oursWithWork));
    dbSchedulers.forEach(db -> out.append(" | ").append(latency(db)));
    out.append(" | — | ");
    out.append(
        String.join(
            "; ",
            dbSchedulers.stream()
                .map(db -> p50(db) > 0 ? format("%.2f", p50(ours) / p50(db)) : "—")
                .toList()));
    out.append(" (p50) | — |\n");
    return out.toString();
  }

  private void rateRow(StringBuilder out, String measure, ToDoubleFunction<Figures> rate) {
    out.append("| ").append(measure).append(" | ").append(rate(rate.applyAsDouble(ours)));
    out.append(" | ").append(rate(rate.applyAsDouble(oursWithWork)));
    dbSchedulers.forEach(db -> out.append(" | ").append(rate(rate.applyAsDouble(db))));
    out.append(" | ").append(rate(rate.applyAsDouble(raw))).append(" | ");
    out.append(
        String.join(
            "; ",
            dbSchedulers.stream()
                .map(db -> format("%.2f", rate.applyAsDouble(ours) / rate.applyAsDouble(db)))
                .toList()));
    out.append(" | ")
        .append(percent(rate.applyAsDouble(ours) / rate.applyAsDouble(raw)))
        .append(" |\n");
  }

  String targets() {
    StringBuilder out = new StringBuilder("| target | measured | met |\n|---|---|---|\n");
    for (Figures db : dbSchedulers) {
      double ratio = ours.processedPerSecond() / db.processedPerSecond();
      out.append("| processing ≥ ")
          .append(db.contender().name())
          .append(" | ours / it = ")
          .append(format("%.2f", ratio))
          .append(" | ")
          .append(ratio >= 1 ? "yes" : "**no**")
          .append(" |\n");
    }
    double ofRaw = ours.processedPerSecond() / raw.processedPerSecond();
    out.append("| processing ≥ 50 % of the raw loop | ours / raw = ")
        .append(percent(ofRaw))
        .append(" | ")
        .append(ofRaw >= TARGET_OF_RAW ? "yes" : "**no**")
        .append(" |\n");
    double p50 = p50(ours);
    out.append("| idle enqueue-to-start p50 < 50 ms | ")
        .append(format("%.1f ms", p50))
        .append(" | ")
        .append(p50 < TARGET_P50_MILLIS ? "yes" : "**no**")
        .append(" |\n");
    return out.toString();
  }

  private static double p50(Figures figures) {
    return figures.idleStart().map(latencies -> latencies.percentile(50)).orElse(-1.0);
  }

  private static String latency(Figures figures) {
    return figures
        .idleStart()
        .map(
            l ->
                String.format(
                    Locale.ROOT,
                    "%.1f / %.1f / %.1f ms",
                    l.percentile(50),
                    l.percentile(90),
                    l.percentile(99)))
        .orElse("—");
  }

  private static String rate(double perSecond) {
    return format("%,.0f", perSecond);
  }

  private static String percent(double fraction) {
    return format("%.0f %%", 100 * fraction);
  }

  private static String format(String pattern, double value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
