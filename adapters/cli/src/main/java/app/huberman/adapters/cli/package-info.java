/**
 * The operator CLI ({@code java -jar huberman-app.jar <command>}): an inbound adapter like the REST
 * resources. Commands parse arguments and print; the application's use cases decide. It knows the
 * application only: bootstrap's {@code CliWiring} builds the use cases (on a plain JDBC connection
 * to the database of the {@code DB_*} variables, without the application server) and hands them
 * over as {@link app.huberman.adapters.cli.CliUseCases}; {@code serve} and {@code queue:work} hand
 * back to the launcher, which starts the server.
 */
package app.huberman.adapters.cli;
