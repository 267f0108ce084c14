package app.huberman.adapters.cli;

import app.huberman.application.shared.DependencyUnavailableException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar huberman-app.jar <command>}: the commands, their help and exit statuses. 0 when
 * the command did its work, 1 when it could not (the database is unreachable, no such job or
 * account: one line on standard error, no stack trace), 2 for a usage error (picocli's own).
 */
@Command(
    name = "huberman-app",
    mixinStandardHelpOptions = true,
    version = "huberman-app operator CLI",
    description = "The Huberman App backend. Without a command it runs the server (serve).",
    footer = {
      "",
      "Configured by the environment variables of the server (DB_HOST, DB_PORT, DB_DATABASE,"
          + " DB_USERNAME, DB_PASSWORD, ...).",
      "Exit status: 0 done, 1 failed, 2 usage error."
    })
public final class OperatorCli implements Callable<Integer> {

  static final int OK = 0;
  static final int FAILURE = 1;

  private final ServeCommand serve;

  private OperatorCli(ServeCommand serve) {
    this.serve = serve;
  }

  @Override
  public Integer call() {
    return serve.call();
  }

  /**
   * Runs one command line and returns its exit status.
   *
   * @param useCases what the commands call; closed when the command ends
   * @param settings the configuration the commands read themselves (the worker count)
   * @param server starts the application server in this process ({@code serve}, {@code queue:work})
   */
  public static int execute(
      String[] args,
      CliUseCases useCases,
      CliSettings settings,
      PrintWriter out,
      PrintWriter err,
      ServerStarter server) {
    try (useCases) {
      CommandLine commandLine = commandLine(useCases, settings, out, server);
      commandLine.setOut(out);
      commandLine.setErr(err);
      commandLine.setExecutionExceptionHandler(
          (failure, command, parsed) -> {
            err.println(command.getCommandName() + ": " + oneLine(describe(failure, useCases)));
            return FAILURE;
          });
      return commandLine.execute(args);
    } catch (SQLException e) {
      err.println(
          "huberman-app: closing the database connection failed: " + oneLine(e.getMessage()));
      return FAILURE;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static CommandLine commandLine(
      CliUseCases useCases, CliSettings settings, PrintWriter out, ServerStarter server) {
    ServeCommand serve = new ServeCommand(server);
    return new CommandLine(new OperatorCli(serve))
        .addSubcommand(serve)
        .addSubcommand(new QueueWorkCommand(server, settings))
        .addSubcommand(new MigrateCommand(useCases, out))
        .addSubcommand(new QueueFailedCommand(useCases, out))
        .addSubcommand(new QueueRetryCommand(useCases, out))
        .addSubcommand(new QueueForgetCommand(useCases, out))
        .addSubcommand(new QueuePruneFailedCommand(useCases, out))
        .addSubcommand(new MakeAdminCommand(useCases, out))
        .addSubcommand(new RevokeAdminCommand(useCases, out));
  }

  private static String describe(Exception failure, CliUseCases useCases) {
    if (failure instanceof CliFailure) {
      return failure.getMessage();
    }
    if (failure instanceof DependencyUnavailableException) {
      return "cannot reach the database "
          + useCases.databaseDescription()
          + ": "
          + rootCause(failure).getMessage();
    }
    return "failed: " + failure.getClass().getSimpleName() + ": " + rootCause(failure).getMessage();
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("").strip();
  }
}
