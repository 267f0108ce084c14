package app.huberman.bootstrap.cli;

import app.huberman.application.shared.DependencyUnavailableException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
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
   * The launcher's entry point, called across class loaders, hence JDK types only.
   *
   * @param server starts Payara Micro in this process with these settings and arguments
   * @return the exit status; the caller exits with it unless the server was started
   */
  public static int run(
      String[] args,
      Map<String, String> environment,
      BiConsumer<Map<String, String>, List<String>> server) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    return execute(args, new CliSettings(environment), out, err, server::accept, Clock.systemUTC());
  }

  static int execute(
      String[] args,
      CliSettings settings,
      PrintWriter out,
      PrintWriter err,
      ServerStarter server,
      Clock clock) {
    // Microseconds, as PostgreSQL stores them (the server's clock does the same).
    Clock micros = Clock.tick(clock, Duration.ofNanos(1_000));
    try (CliOperations operations = new CliOperations(settings, micros)) {
      CommandLine commandLine = commandLine(operations, settings, out, server);
      commandLine.setOut(out);
      commandLine.setErr(err);
      commandLine.setExecutionExceptionHandler(
          (failure, command, parsed) -> {
            err.println(command.getCommandName() + ": " + oneLine(describe(failure, operations)));
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
      CliOperations operations, CliSettings settings, PrintWriter out, ServerStarter server) {
    ServeCommand serve = new ServeCommand(server);
    return new CommandLine(new OperatorCli(serve))
        .addSubcommand(serve)
        .addSubcommand(new QueueWorkCommand(server, settings))
        .addSubcommand(new MigrateCommand(operations, out))
        .addSubcommand(new QueueFailedCommand(operations, out))
        .addSubcommand(new QueueRetryCommand(operations, out))
        .addSubcommand(new QueueForgetCommand(operations, out))
        .addSubcommand(new QueuePruneFailedCommand(operations, out))
        .addSubcommand(new MakeAdminCommand(operations, out))
        .addSubcommand(new RevokeAdminCommand(operations, out));
  }

  private static String describe(Exception failure, CliOperations operations) {
    if (failure instanceof CliFailure) {
      return failure.getMessage();
    }
    if (failure instanceof DependencyUnavailableException) {
      return "cannot reach the database "
          + operations.databaseDescription()
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
