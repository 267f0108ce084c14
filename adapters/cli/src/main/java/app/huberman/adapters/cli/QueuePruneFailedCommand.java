package app.huberman.adapters.cli;

import app.huberman.application.job.port.in.ManageFailedJobsUseCase;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code queue:prune-failed}: what the daily {@code prune-failed-jobs} task does, now. The age is
 * the use case's retention; a per-call age needs a parameter on {@link ManageFailedJobsUseCase}.
 */
@Command(
    name = "queue:prune-failed",
    mixinStandardHelpOptions = true,
    description =
        "Deletes failed jobs older than the retention (30 days), as the daily task does (failed"
            + " webhook processing jobs are kept), and prints how many.")
final class QueuePruneFailedCommand implements Callable<Integer> {

  private final CliUseCases useCases;
  private final PrintWriter out;

  @Option(names = "--json", description = "Print {\"pruned\": N}.")
  private boolean json;

  QueuePruneFailedCommand(CliUseCases useCases, PrintWriter out) {
    this.useCases = useCases;
    this.out = out;
  }

  @Override
  public Integer call() {
    int pruned = useCases.failedJobs().pruneFailedJobs();
    out.println(
        json
            ? Json.object(Map.of("pruned", pruned))
            : "Pruned "
                + pruned
                + " failed job"
                + (pruned == 1 ? "" : "s")
                + " older than "
                + ManageFailedJobsUseCase.RETENTION.toDays()
                + " days.");
    return OperatorCli.OK;
  }
}
