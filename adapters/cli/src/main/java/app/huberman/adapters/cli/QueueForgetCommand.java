package app.huberman.adapters.cli;

import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code queue:forget}: deletes one failed job for good. */
@Command(
    name = "queue:forget",
    mixinStandardHelpOptions = true,
    description = "Deletes a failed job; it will not run again.")
final class QueueForgetCommand implements Callable<Integer> {

  private final CliUseCases useCases;
  private final PrintWriter out;

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "<uuid>", description = "The failed job's uuid.")
  private String target;

  QueueForgetCommand(CliUseCases useCases, PrintWriter out) {
    this.useCases = useCases;
    this.out = out;
  }

  @Override
  public Integer call() {
    UUID uuid = QueueRetryCommand.FailedJobIds.parse(spec, target);
    if (!useCases.failedJobs().forgetFailedJob(uuid)) {
      throw new CliFailure("No failed job has uuid " + uuid);
    }
    out.println("Forgot failed job " + uuid + ".");
    return OperatorCli.OK;
  }
}
