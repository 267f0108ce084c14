package app.huberman.adapters.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code serve}: the API, the queue workers and the scheduler, as with no command at all. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the application: migrates the database, serves HTTP on APP_PORT, runs the queue workers"
          + " (QUEUE_WORKERS) and the scheduler. The default when no command is given.",
      "Options after the command (such as --port 9090) are passed to Payara Micro."
    })
final class ServeCommand implements Callable<Integer> {

  private final ServerStarter server;

  @Unmatched private List<String> payaraArguments = new ArrayList<>();

  ServeCommand(ServerStarter server) {
    this.server = server;
  }

  @Override
  public Integer call() {
    server.start(Map.of(), List.copyOf(payaraArguments));
    return OperatorCli.OK;
  }
}
