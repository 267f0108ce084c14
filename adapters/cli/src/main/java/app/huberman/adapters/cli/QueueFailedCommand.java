package app.huberman.adapters.cli;

import app.huberman.domain.job.FailedJob;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code queue:failed}: the jobs that gave up, newest first. */
@Command(
    name = "queue:failed",
    mixinStandardHelpOptions = true,
    description = "Lists failed jobs, newest first: a table, or JSON with --json.")
final class QueueFailedCommand implements Callable<Integer> {

  private final CliUseCases useCases;
  private final PrintWriter out;

  @Option(names = "--json", description = "Print a JSON array (with the whole exception).")
  private boolean json;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "At most this many, 1 to 500 (default: ${DEFAULT-VALUE}).")
  private int limit;

  QueueFailedCommand(CliUseCases useCases, PrintWriter out) {
    this.useCases = useCases;
    this.out = out;
  }

  @Override
  public Integer call() {
    List<FailedJob> jobs = useCases.failedJobs().listFailedJobs(limit);
    if (json) {
      FailedJobsOutput.json(out, jobs);
    } else {
      FailedJobsOutput.table(out, jobs);
    }
    return OperatorCli.OK;
  }
}
