/**
 * The operator CLI ({@code java -jar huberman-app.jar <command>}): an inbound adapter like the REST
 * resources. Commands parse arguments and print; the application's use cases decide. Commands other
 * than {@code serve} and {@code queue:work} run without the application server, on a plain JDBC
 * connection to the database of the {@code DB_*} variables.
 */
package app.huberman.adapters.cli;
