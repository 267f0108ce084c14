package app.huberman.bench;

import java.util.Arrays;

/** Enqueue-to-start times, in milliseconds. */
final class Latencies {

  private final double[] sortedMillis;

  Latencies(double[] millis) {
    sortedMillis = millis.clone();
    Arrays.sort(sortedMillis);
  }

  /** The nearest-rank percentile. */
  double percentile(double p) {
    int rank = (int) Math.ceil(p / 100 * sortedMillis.length);
    return sortedMillis[Math.max(0, rank - 1)];
  }
}
