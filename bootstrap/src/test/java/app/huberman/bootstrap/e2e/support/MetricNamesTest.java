package app.huberman.bootstrap.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricNamesTest {

  @Test
  void findsMetricNamesButNotFunctionsKeywordsLabelsOrDurations() {
    assertThat(
            MetricNames.inExpression(
                "sum by (job, le) (rate(http_server_request_duration_seconds_bucket{job=\"app\","
                    + " route=~\"/api.*\"}[5m])) > 3 * (sum(rate(x_total[1h] offset 5m)) or"
                    + " vector(0)) and on (job) max by (job) (up{job=\"app\"}) == 1"))
        .containsExactlyInAnyOrder("http_server_request_duration_seconds_bucket", "x_total", "up");
  }

  @Test
  void findsBareNamesAndRecordingRuleNames() {
    assertThat(MetricNames.inExpression("1 - (node_memory_MemAvailable_bytes / jobs_pending)"))
        .containsExactlyInAnyOrder("node_memory_MemAvailable_bytes", "jobs_pending");
    assertThat(MetricNames.inExpression("job:http_server_requests_5xx:ratio_rate5m > 0.01"))
        .containsExactly("job:http_server_requests_5xx:ratio_rate5m");
  }

  @Test
  void leavesExportersAndRecordedSeriesToOthers() {
    assertThat(MetricNames.notTheApps("pg_stat_activity_count")).isTrue();
    assertThat(MetricNames.notTheApps("up")).isTrue();
    assertThat(MetricNames.notTheApps("job:x:rate5m")).isTrue();
    assertThat(MetricNames.notTheApps("jobs_pending")).isFalse();
  }

  @Test
  void readsSampleNamesFromTheExposition() {
    assertThat(
            MetricNames.exported(
                "# TYPE a_total counter\na_total{x=\"1\"} 2.0\nb_bytes 3\n\nc_bucket{le=\"1\"} 4\n"))
        .containsExactly("a_total", "b_bytes", "c_bucket");
  }
}
