package app.huberman.adapters.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrate}: the schema migrations the server runs at start-up, without the server. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description =
        "Creates the database if it is missing and the login may, applies the Flyway migrations,"
            + " prints the schema version and exits. Safe to run while instances are up.")
final class MigrateCommand implements Callable<Integer> {

  private final CliUseCases useCases;
  private final PrintWriter out;

  @Option(names = "--json", description = "Print {\"schema_version\": ...} instead of a sentence.")
  private boolean json;

  MigrateCommand(CliUseCases useCases, PrintWriter out) {
    this.useCases = useCases;
    this.out = out;
  }

  @Override
  public Integer call() {
    String version = useCases.migrateSchema().migrateSchema();
    out.println(
        json
            ? Json.object(Map.of("schema_version", version))
            : "Database migrated; schema version " + version + ".");
    return OperatorCli.OK;
  }
}
