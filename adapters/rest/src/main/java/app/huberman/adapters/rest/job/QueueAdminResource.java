package app.huberman.adapters.rest.job;

import app.huberman.adapters.rest.common.NoStore;
import app.huberman.adapters.rest.common.RequiresAdmin;
import app.huberman.application.job.port.in.CheckQueuesUseCase;
import app.huberman.application.job.port.in.ManageFailedJobsUseCase;
import app.huberman.application.shared.NotFoundException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** {@code /api/v1/admin}: the queues and their failed jobs, for admins only. */
@Path("v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@RequiresAdmin
@NoStore
@Dependent
public class QueueAdminResource {

  private final CheckQueuesUseCase queues;
  private final ManageFailedJobsUseCase failedJobs;

  @Inject
  public QueueAdminResource(CheckQueuesUseCase queues, ManageFailedJobsUseCase failedJobs) {
    this.queues = Objects.requireNonNull(queues, "queues");
    this.failedJobs = Objects.requireNonNull(failedJobs, "failedJobs");
  }

  @GET
  @Path("queue")
  public List<QueueStatsResponse> queue() {
    return queues.queueStats().stream().map(QueueStatsResponse::from).toList();
  }

  @GET
  @Path("failed-jobs")
  public List<FailedJobResponse> failedJobs(@QueryParam("limit") @DefaultValue("100") int limit) {
    return failedJobs.listFailedJobs(limit).stream().map(FailedJobResponse::from).toList();
  }

  @POST
  @Path("failed-jobs/{uuid}/retry")
  public Map<String, Object> retry(@PathParam("uuid") UUID uuid) {
    if (!failedJobs.retryFailedJob(uuid)) {
      throw new NotFoundException("No failed job " + uuid);
    }
    return Map.of("message", "The job is queued again.", "retried", 1);
  }

  @POST
  @Path("failed-jobs/retry-all")
  public Map<String, Object> retryAll() {
    int retried = failedJobs.retryAllFailedJobs();
    return Map.of("message", "The failed jobs are queued again.", "retried", retried);
  }

  @DELETE
  @Path("failed-jobs/{uuid}")
  public Response forget(@PathParam("uuid") UUID uuid) {
    if (!failedJobs.forgetFailedJob(uuid)) {
      throw new NotFoundException("No failed job " + uuid);
    }
    return Response.noContent().build();
  }
}
