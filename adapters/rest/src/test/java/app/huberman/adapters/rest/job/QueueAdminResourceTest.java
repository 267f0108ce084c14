package app.huberman.adapters.rest.job;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.rest.common.ResourceServer;
import app.huberman.adapters.rest.common.TestCallers;
import app.huberman.application.job.port.in.ManageFailedJobsUseCase;
import app.huberman.domain.job.FailedJob;
import app.huberman.domain.job.JobType;
import app.huberman.domain.job.QueueName;
import app.huberman.domain.job.QueueStats;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link QueueAdminResource} over HTTP: admins only, and how each answer maps. */
class QueueAdminResourceTest {

  private static final UUID KNOWN = UUID.fromString("0b6a1c2d-3e4f-4a5b-9c6d-7e8f9a0b1c2d");

  private final List<String> calls = new ArrayList<>();
  @AutoClose private ResourceServer server;

  @BeforeEach
  void start() {
    server =
        ResourceServer.serving(
            new QueueAdminResource(
                () ->
                    List.of(
                        new QueueStats(QueueName.of("mail"), 3, 1, 2, Duration.ofMillis(1500), 4)),
                new FailedJobs()),
            TestCallers.adminFilter());
  }

  @Test
  void withoutATokenIs401AndForAUserIs403() {
    HttpResponse<String> anonymous = server.send("GET", "v1/admin/queue", null);
    HttpResponse<String> user =
        server.send(
            "GET",
            "v1/admin/queue",
            null,
            "Authorization",
            TestCallers.bearer(TestCallers.USER_TOKEN));

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(user.statusCode()).isEqualTo(403);
    assertThat(ResourceServer.jsonOf(user).getString("message")).isNotBlank();
    assertThat(calls).isEmpty();
  }

  @Test
  void theQueuesShowTheirCountsAndTheOldestAgeInSeconds() {
    HttpResponse<String> answer = asAdmin("GET", "v1/admin/queue");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(ResourceServer.arrayOf(answer).getJsonObject(0))
        .isEqualTo(
            Json.createObjectBuilder()
                .add("queue", "mail")
                .add("pending", 3)
                .add("delayed", 1)
                .add("reserved", 2)
                .add("oldest_pending_age_seconds", 1.5)
                .add("failed", 4)
                .build());
  }

  @Test
  void theFailedJobsListTakesALimitOfAHundredByDefault() {
    HttpResponse<String> byDefault = asAdmin("GET", "v1/admin/failed-jobs");
    asAdmin("GET", "v1/admin/failed-jobs?limit=5");

    assertThat(ResourceServer.arrayOf(byDefault).getJsonObject(0).getString("uuid"))
        .isEqualTo(KNOWN.toString());
    assertThat(calls).containsExactly("list 100", "list 5");
  }

  @Test
  void retryingOrForgettingAJobThatIsNotThereIs404AndAKnownOneIsDone() {
    UUID unknown = UUID.randomUUID();

    assertThat(asAdmin("POST", "v1/admin/failed-jobs/" + unknown + "/retry").statusCode())
        .isEqualTo(404);
    assertThat(asAdmin("DELETE", "v1/admin/failed-jobs/" + unknown).statusCode()).isEqualTo(404);
    HttpResponse<String> retried = asAdmin("POST", "v1/admin/failed-jobs/" + KNOWN + "/retry");
    assertThat(ResourceServer.jsonOf(retried).getInt("retried")).isEqualTo(1);
    assertThat(asAdmin("DELETE", "v1/admin/failed-jobs/" + KNOWN).statusCode()).isEqualTo(204);
    assertThat(
            ResourceServer.jsonOf(asAdmin("POST", "v1/admin/failed-jobs/retry-all"))
                .getInt("retried"))
        .isEqualTo(2);
  }

  @Test
  void aJobIdThatIsNotAUuidIsAJsonClientError() {
    HttpResponse<String> answer = asAdmin("POST", "v1/admin/failed-jobs/not-a-uuid/retry");

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(ResourceServer.jsonOf(answer).getString("message")).isNotBlank();
  }

  private HttpResponse<String> asAdmin(String method, String path) {
    return server.send(
        method, path, null, "Authorization", TestCallers.bearer(TestCallers.ADMIN_TOKEN));
  }

  /** One failed job, {@link #KNOWN}, that stays there whatever is done to it. */
  private final class FailedJobs implements ManageFailedJobsUseCase {

    @Override
    public List<FailedJob> listFailedJobs(int limit) {
      calls.add("list " + limit);
      return List.of(
          new FailedJob(
              KNOWN,
              QueueName.of("mail"),
              JobType.of("send-password-reset-email"),
              3,
              "SMTP down",
              Instant.parse("2026-01-02T03:04:05Z")));
    }

    @Override
    public boolean retryFailedJob(UUID uuid) {
      return uuid.equals(KNOWN);
    }

    @Override
    public int retryAllFailedJobs() {
      return 2;
    }

    @Override
    public boolean forgetFailedJob(UUID uuid) {
      return uuid.equals(KNOWN);
    }

    @Override
    public int pruneFailedJobs() {
      throw new UnsupportedOperationException("not a route");
    }
  }
}
