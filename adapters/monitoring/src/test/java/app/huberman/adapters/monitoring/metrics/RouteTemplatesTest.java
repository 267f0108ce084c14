package app.huberman.adapters.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

  @Path("v1/admin/failed-jobs")
  static class FailedJobs {
    @GET
    public void list() {}

    @GET
    @Path("{uuid}/retry")
    public void retry() {}
  }

  private final RouteTemplates routes = new RouteTemplates("/api/");

  @Test
  void joinsApplicationClassAndMethodPathsIntoATemplate() throws Exception {
    assertThat(routes.templateOf(FailedJobs.class, FailedJobs.class.getMethod("list")))
        .isEqualTo("/api/v1/admin/failed-jobs");
    assertThat(routes.templateOf(FailedJobs.class, FailedJobs.class.getMethod("retry")))
        .isEqualTo("/api/v1/admin/failed-jobs/{uuid}/retry");
  }

  @Test
  void callsARequestNoResourceMatchedUnmatched() {
    assertThat(routes.templateOf(null, null)).isEqualTo(RouteTemplates.UNMATCHED);
  }

  @Test
  void groupsStatusesByClass() {
    assertThat(HttpRequestRecorder.statusClass(200)).isEqualTo("2xx");
    assertThat(HttpRequestRecorder.statusClass(404)).isEqualTo("4xx");
    assertThat(HttpRequestRecorder.statusClass(503)).isEqualTo("5xx");
    assertThat(HttpRequestRecorder.statusClass(42)).isEqualTo("other");
  }
}
