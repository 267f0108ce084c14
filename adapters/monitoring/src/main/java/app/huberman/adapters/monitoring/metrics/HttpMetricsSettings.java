package app.huberman.adapters.monitoring.metrics;

/**
 * @param enabled {@code HTTP_METRICS_ENABLED}: whether requests are counted and timed. Off only to
 *     measure what the metrics cost (docs/benchmarks.md); 5xx answers are logged either way.
 */
public record HttpMetricsSettings(boolean enabled) {}
