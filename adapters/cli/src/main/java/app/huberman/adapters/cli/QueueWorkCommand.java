package app.huberman.adapters.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code queue:work}: an instance that exists to run jobs. It is the same server as {@code serve},
 * because a worker needs the whole container (CDI, JTA, the job handlers' adapters) and the health
 * endpoints the orchestrator probes; what makes it a worker is that it is sure to run workers, and
 * that operators leave it out of nginx's upstream. The API-only counterpart is {@code serve} with
 * {@code QUEUE_WORKERS=0}.
 */
@Command(
    name = "queue:work",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a worker instance: the server with queue workers and the scheduler, for a host that"
          + " nginx does not route API traffic to. /health/* still answers, for the orchestrator.",
      "Options it does not know are passed to Payara Micro."
    })
final class QueueWorkCommand implements Callable<Integer> {

  static final int MAX_WORKERS = 64;

  private final ServerStarter server;
  private final CliSettings settings;

  @Spec private CommandSpec spec;

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Worker threads, 1 to 64 (default: QUEUE_WORKERS, or 4).")
  private Integer workers;

  @Unmatched private List<String> payaraArguments = new ArrayList<>();

  QueueWorkCommand(ServerStarter server, CliSettings settings) {
    this.server = server;
    this.settings = settings;
  }

  @Override
  public Integer call() {
    int count = workers != null ? workers : settings.queueWorkers();
    if (count < 1 || count > MAX_WORKERS) {
      throw new ParameterException(
          spec.commandLine(),
          "A worker instance needs 1 to " + MAX_WORKERS + " workers, not " + count);
    }
    server.start(Map.of("QUEUE_WORKERS", Integer.toString(count)), List.copyOf(payaraArguments));
    return OperatorCli.OK;
  }
}
