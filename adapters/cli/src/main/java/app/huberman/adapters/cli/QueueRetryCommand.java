package app.huberman.adapters.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code queue:retry}: failed jobs back to their queue, with fresh attempts. */
@Command(
    name = "queue:retry",
    mixinStandardHelpOptions = true,
    description =
        "Puts a failed job (or all of them) back in its queue with fresh attempts. A job already"
            + " queued with the same unique key makes the copy redundant; it is then just removed.")
final class QueueRetryCommand implements Callable<Integer> {

  static final String ALL = "all";

  private final CliUseCases useCases;
  private final PrintWriter out;

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "<uuid|all>", description = "The failed job's uuid, or 'all'.")
  private String target;

  @Option(names = "--json", description = "Print {\"retried\": N}.")
  private boolean json;

  QueueRetryCommand(CliUseCases useCases, PrintWriter out) {
    this.useCases = useCases;
    this.out = out;
  }

  @Override
  public Integer call() {
    int retried;
    if (ALL.equals(target)) {
      retried = useCases.failedJobs().retryAllFailedJobs();
    } else {
      UUID uuid = FailedJobIds.parse(spec, target);
      if (!useCases.failedJobs().retryFailedJob(uuid)) {
        throw new CliFailure("No failed job has uuid " + uuid);
      }
      retried = 1;
    }
    out.println(
        json
            ? Json.object(Map.of("retried", retried))
            : "Retried " + retried + (retried == 1 ? " failed job." : " failed jobs."));
    return OperatorCli.OK;
  }

  /** Turns the argument into a job id, or a usage error (exit status 2). */
  static final class FailedJobIds {
    private FailedJobIds() {}

    static UUID parse(CommandSpec spec, String value) {
      try {
        return UUID.fromString(value);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            spec.commandLine(), "Not a job uuid: '" + value + "'", e, null, value);
      }
    }
  }
}
